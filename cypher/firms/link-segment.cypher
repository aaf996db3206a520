// OPERATES_IN: the firm makes something in the segment (version 1 when new, moved on when
// rewritten); its texts go in its LINK_TEXTS link, made afresh (Kùzu 0.11.3's MERGE of a
// link from a node to itself makes none when given its properties: checked).
// params: $firmId, $segmentId, $products, $capacity, $confidence, $source, $evidence   returns: nothing
MATCH (f:Firm {id: $firmId})
MATCH (s:Segment {id: $segmentId})
MERGE (f)-[r:OPERATES_IN]->(s)
SET r.confidence = $confidence, r.version = coalesce(r.version, 0) + 1
WITH f, s
OPTIONAL MATCH (f)-[t:LINK_TEXTS]->(f) WHERE t.segmentId = s.id
DELETE t
WITH DISTINCT f, s
CREATE (f)-[:LINK_TEXTS {segmentId: s.id, products: $products, capacity: $capacity, source: $source, evidence: $evidence}]->(f)
