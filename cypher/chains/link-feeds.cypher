// Supply direction between segments: products of $from are inputs of $to.
// params: $from, $to, $source   returns: nothing
MATCH (a:Segment {id: $from})
MATCH (b:Segment {id: $to})
MERGE (a)-[r:FEEDS]->(b)
SET r.source = $source
