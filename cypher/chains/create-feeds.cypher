// A new FEEDS link; no row when either segment is gone or the link exists already.
// params: $from, $to, $source   returns: fromId
MATCH (a:Segment {id: $from})
MATCH (b:Segment {id: $to})
WHERE NOT EXISTS { MATCH (a)-[:FEEDS]->(b) }
CREATE (a)-[:FEEDS {source: $source}]->(b)
RETURN a.id AS fromId
