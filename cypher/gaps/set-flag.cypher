// Flags (or re-flags) a segment as a bottleneck in the zone.
// params: $zoneId, $segmentId, $note, $flaggedBy, $flaggedAt   returns: nothing
MATCH (z:Zone {id: $zoneId})
MATCH (s:Segment {id: $segmentId})
MERGE (z)-[f:FLAGS]->(s)
SET f.note = $note, f.flaggedBy = $flaggedBy, f.flaggedAt = $flaggedAt
