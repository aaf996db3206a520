// One OPERATES_IN link with its version.
// params: $firmId, $segmentId
// returns: firmId, segmentId, products, capacity, confidence, source, evidence, version
MATCH (f:Firm {id: $firmId})-[r:OPERATES_IN]->(s:Segment {id: $segmentId})
RETURN f.id AS firmId, s.id AS segmentId, r.products AS products, r.capacity AS capacity,
       r.confidence AS confidence, r.source AS source, r.evidence AS evidence, coalesce(r.version, 1) AS version
