// The segment links of the firms at places [$from, $to) of Kùzu's node table, for the
// in-memory scoring facts (server/services/scoring-facts.ts).
// params: $from, $to
// returns: firmId, segmentId, confidence
MATCH (f:Firm)-[o:OPERATES_IN]->(s:Segment)
WHERE offset(id(f)) >= $from AND offset(id(f)) < $to
RETURN f.id AS firmId, s.id AS segmentId, o.confidence AS confidence
