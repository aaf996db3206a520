// A firm is a subsidiary or branch of its parent firm.
// params: $from, $to, $kind, $source   returns: nothing
MATCH (a:Firm {id: $from}), (b:Firm {id: $to})
MERGE (a)-[r:BELONGS_TO]->(b)
SET r.kind = $kind, r.source = $source
