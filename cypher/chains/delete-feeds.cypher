// params: $from, $to   returns: fromId (no row when the link is gone)
MATCH (a:Segment {id: $from})-[r:FEEDS]->(b:Segment {id: $to})
WITH r, a.id AS fromId
DELETE r
RETURN fromId
