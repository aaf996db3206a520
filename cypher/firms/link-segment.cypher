// OPERATES_IN: the firm makes something in the segment (version 1 when new, moved on when rewritten).
// params: $firmId, $segmentId, $products, $capacity, $confidence, $source, $evidence   returns: nothing
MATCH (f:Firm {id: $firmId})
MATCH (s:Segment {id: $segmentId})
MERGE (f)-[r:OPERATES_IN]->(s)
SET r.products = $products, r.capacity = $capacity, r.confidence = $confidence, r.source = $source, r.evidence = $evidence,
    r.version = coalesce(r.version, 0) + 1
