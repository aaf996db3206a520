// params: $from, $to, $product, $source   returns: nothing
MATCH (a:Firm {id: $from})
MATCH (b:Firm {id: $to})
MERGE (a)-[r:SUPPLIES]->(b)
SET r.product = $product, r.source = $source
