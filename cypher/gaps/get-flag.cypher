// One zone's bottleneck flag on a segment.
// params: $zoneId, $segmentId   returns: zoneId, segmentId, note, flaggedBy, flaggedAt
MATCH (z:Zone {id: $zoneId})-[f:FLAGS]->(s:Segment {id: $segmentId})
RETURN z.id AS zoneId, s.id AS segmentId, f.note AS note, f.flaggedBy AS flaggedBy, f.flaggedAt AS flaggedAt
