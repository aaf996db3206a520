// The chains a write to one segment may change (services/write-reach.ts): its own, and
// those of the segments FEEDS links it with (a map shows the inputs from other chains).
// params: $id
// returns: chainId, fedIds, feedingIds (no row when the segment is gone)
MATCH (s:Segment {id: $id})-[:PART_OF]->(c:Chain)
OPTIONAL MATCH (s)-[:FEEDS]->(:Segment)-[:PART_OF]->(d:Chain)
WITH s, c, collect(d.id) AS fedIds
OPTIONAL MATCH (e:Chain)<-[:PART_OF]-(:Segment)-[:FEEDS]->(s)
RETURN c.id AS chainId, fedIds, collect(e.id) AS feedingIds
