// params: $rows ({from, to, product, source})   returns: nothing
UNWIND $rows AS r
MATCH (a:Firm {id: r.from}), (b:Firm {id: r.to})
CREATE (a)-[:SUPPLIES {product: r.product, source: r.source}]->(b)
