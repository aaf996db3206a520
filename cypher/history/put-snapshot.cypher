// Keeps a zone × chain's figures for a day, replacing that day's earlier snapshot.
// params: $id, $zoneId, $chainId, $day, $takenAt, $completeness, $figures (JSON text)
// returns: nothing
MERGE (s:ChainSnapshot {id: $id})
SET s.zoneId = $zoneId, s.chainId = $chainId, s.day = $day, s.takenAt = $takenAt,
    s.completeness = $completeness, s.figures = $figures
