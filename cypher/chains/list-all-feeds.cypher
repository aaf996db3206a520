// Every FEEDS link of the graph, across chains (to find the cycle a new link would close).
// params: none   returns: fromId, toId, fromName, toName
MATCH (a:Segment)-[:FEEDS]->(b:Segment)
RETURN a.id AS fromId, b.id AS toId, a.name AS fromName, b.name AS toName
