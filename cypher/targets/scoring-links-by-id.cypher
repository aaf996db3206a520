// The segment links of the given firms, for the in-memory scoring facts
// (server/services/scoring-facts.ts).
// params: $ids
// returns: firmId, segmentId, confidence
UNWIND $ids AS firmId
MATCH (f:Firm {id: firmId})-[o:OPERATES_IN]->(s:Segment)
RETURN f.id AS firmId, s.id AS segmentId, o.confidence AS confidence
