// Snapshots of zone × chain figures, oldest first.
// params: $zoneId, $chainId (each null for any)
// returns: id, zoneId, chainId, day, takenAt, completeness, figures (JSON text)
MATCH (s:ChainSnapshot)
WHERE ($zoneId IS NULL OR s.zoneId = $zoneId) AND ($chainId IS NULL OR s.chainId = $chainId)
RETURN s.id AS id, s.zoneId AS zoneId, s.chainId AS chainId, s.day AS day, s.takenAt AS takenAt,
       s.completeness AS completeness, s.figures AS figures
ORDER BY day, zoneId, chainId
