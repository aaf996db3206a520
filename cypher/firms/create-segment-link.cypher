// A new OPERATES_IN link at version 1, with its LINK_TEXTS link (any left over is
// replaced); no row when either end is gone or the link exists.
// params: $firmId, $segmentId, $products, $capacity, $confidence, $source, $evidence   returns: firmId
MATCH (f:Firm {id: $firmId})
MATCH (s:Segment {id: $segmentId})
WHERE NOT EXISTS { MATCH (f)-[:OPERATES_IN]->(s) }
CREATE (f)-[:OPERATES_IN {confidence: $confidence, version: 1}]->(s)
WITH f, s
OPTIONAL MATCH (f)-[t:LINK_TEXTS]->(f) WHERE t.segmentId = s.id
DELETE t
WITH DISTINCT f, s
CREATE (f)-[:LINK_TEXTS {segmentId: s.id, products: $products, capacity: $capacity, source: $source, evidence: $evidence}]->(f)
RETURN f.id AS firmId
