// The FEEDS links into and out of one segment.
// params: $id   returns: fromId, toId, source
MATCH (a:Segment)-[r:FEEDS]->(b:Segment)
WHERE a.id = $id OR b.id = $id
RETURN a.id AS fromId, b.id AS toId, r.source AS source
ORDER BY fromId, toId
