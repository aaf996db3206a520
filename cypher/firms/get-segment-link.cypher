// One OPERATES_IN link with its version.
// params: $firmId, $segmentId
// returns: firmId, segmentId, products, capacity, confidence, source, evidence, version
MATCH (f:Firm {id: $firmId})-[r:OPERATES_IN]->(s:Segment {id: $segmentId})
OPTIONAL MATCH (f)-[t:LINK_TEXTS]->(f) WHERE t.segmentId = s.id
RETURN f.id AS firmId, s.id AS segmentId, t.products AS products, t.capacity AS capacity,
       r.confidence AS confidence, t.source AS source, t.evidence AS evidence, coalesce(r.version, 1) AS version
