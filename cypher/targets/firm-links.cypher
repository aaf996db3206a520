// One firm's segment links with their display columns, by its key: for the firms a ranking
// shows (it weighed them from memory, scoring-facts.ts). The service keeps the target
// segments' (naming them here makes Kùzu 0.11.3 scan: 9 ms a firm against 1.5, measured).
// params: $id
// returns: segmentId, confidence, products, linkSource
MATCH (f:Firm {id: $id})-[o:OPERATES_IN]->(s:Segment)
RETURN s.id AS segmentId, o.confidence AS confidence, o.products AS products, o.source AS linkSource
