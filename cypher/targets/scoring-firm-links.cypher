// The segment links of one firm, for the in-memory scoring facts
// (server/services/scoring-facts.ts).
// params: $id
// returns: firmId, segmentId, confidence
MATCH (f:Firm {id: $id})-[o:OPERATES_IN]->(s:Segment)
RETURN f.id AS firmId, s.id AS segmentId, o.confidence AS confidence
