// The latest snapshot of each zone × chain (the one a new snapshot is compared with).
// A snapshot's id is zoneId|chainId|day, so the latest day of each pair finds it by key.
// params: none
// returns: id, zoneId, chainId, day, takenAt, completeness, figures (JSON text)
MATCH (s:ChainSnapshot)
WITH s.zoneId AS zoneId, s.chainId AS chainId, max(s.day) AS day
MATCH (l:ChainSnapshot {id: zoneId + '|' + chainId + '|' + day})
RETURN l.id AS id, l.zoneId AS zoneId, l.chainId AS chainId, l.day AS day, l.takenAt AS takenAt,
       l.completeness AS completeness, l.figures AS figures
ORDER BY zoneId, chainId
