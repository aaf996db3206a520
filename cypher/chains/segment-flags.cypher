// Every zone's bottleneck flag on one segment.
// params: $id   returns: zoneId, segmentId, note, flaggedBy, flaggedAt
MATCH (z:Zone)-[f:FLAGS]->(s:Segment {id: $id})
RETURN z.id AS zoneId, s.id AS segmentId, f.note AS note, f.flaggedBy AS flaggedBy, f.flaggedAt AS flaggedAt
ORDER BY zoneId
