// Removes an OPERATES_IN link still at $version, and its texts (its LINK_TEXTS link).
// params: $firmId, $segmentId, $version   returns: firmId (no row when gone or changed meanwhile)
MATCH (f:Firm {id: $firmId})-[r:OPERATES_IN]->(s:Segment {id: $segmentId})
WHERE coalesce(r.version, 1) = $version
OPTIONAL MATCH (f)-[t:LINK_TEXTS]->(f) WHERE t.segmentId = s.id
WITH r, t, f.id AS firmId
DELETE r, t
RETURN firmId
