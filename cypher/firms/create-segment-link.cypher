// A new OPERATES_IN link at version 1; no row when either end is gone or the link exists.
// params: $firmId, $segmentId, $products, $capacity, $confidence, $source, $evidence   returns: firmId
MATCH (f:Firm {id: $firmId})
MATCH (s:Segment {id: $segmentId})
WHERE NOT EXISTS { MATCH (f)-[:OPERATES_IN]->(s) }
CREATE (f)-[:OPERATES_IN {products: $products, capacity: $capacity, confidence: $confidence, source: $source,
                          evidence: $evidence, version: 1}]->(s)
RETURN f.id AS firmId
