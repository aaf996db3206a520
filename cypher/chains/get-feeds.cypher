// params: $from, $to   returns: fromId, toId, source
MATCH (a:Segment {id: $from})-[r:FEEDS]->(b:Segment {id: $to})
RETURN a.id AS fromId, b.id AS toId, r.source AS source
