// One firm's segment links with their display columns, by its key: for the firms a ranking
// shows (it weighed them from memory, scoring-facts.ts). The service keeps the target
// segments' (naming them here makes Kùzu 0.11.3 scan: 9 ms a firm against 1.5, measured).
// params: $id
// returns: segmentId, confidence, products, linkSource
MATCH (f:Firm {id: $id})-[o:OPERATES_IN]->(s:Segment)
OPTIONAL MATCH (f)-[t:LINK_TEXTS]->(f) WHERE t.segmentId = s.id
RETURN s.id AS segmentId, o.confidence AS confidence, t.products AS products, t.source AS linkSource
