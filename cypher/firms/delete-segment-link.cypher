// Removes an OPERATES_IN link still at $version.
// params: $firmId, $segmentId, $version   returns: firmId (no row when gone or changed meanwhile)
MATCH (f:Firm {id: $firmId})-[r:OPERATES_IN]->(s:Segment {id: $segmentId})
WHERE coalesce(r.version, 1) = $version
WITH r, f.id AS firmId
DELETE r
RETURN firmId
