// Changes an OPERATES_IN link and its texts (its LINK_TEXTS link, made afresh) only if it is
// still at $version.
// params: $firmId, $segmentId, $version, $products, $capacity, $confidence, $source, $evidence
// returns: firmId (no row when the link is gone or was changed meanwhile)
MATCH (f:Firm {id: $firmId})-[r:OPERATES_IN]->(s:Segment {id: $segmentId})
WHERE coalesce(r.version, 1) = $version
SET r.confidence = $confidence, r.version = $version + 1
WITH f, s
OPTIONAL MATCH (f)-[t:LINK_TEXTS]->(f) WHERE t.segmentId = s.id
DELETE t
WITH DISTINCT f, s
CREATE (f)-[:LINK_TEXTS {segmentId: s.id, products: $products, capacity: $capacity, source: $source, evidence: $evidence}]->(f)
RETURN f.id AS firmId
