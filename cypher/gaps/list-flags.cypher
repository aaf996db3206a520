// Planners' bottleneck flags on the chain's segments in the zone.
// params: $zoneId, $chainId
// returns: zoneId, segmentId, note, flaggedBy, flaggedAt
MATCH (z:Zone {id: $zoneId})-[f:FLAGS]->(s:Segment)-[:PART_OF]->(:Chain {id: $chainId})
RETURN z.id AS zoneId, s.id AS segmentId, f.note AS note, f.flaggedBy AS flaggedBy, f.flaggedAt AS flaggedAt
ORDER BY segmentId
