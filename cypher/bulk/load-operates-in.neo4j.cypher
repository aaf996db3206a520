// params: $rows ({from, to, products, capacity, confidence, source, evidence})   returns: nothing
UNWIND $rows AS r
MATCH (f:Firm {id: r.from}), (s:Segment {id: r.to})
CREATE (f)-[:OPERATES_IN {products: r.products, capacity: r.capacity, confidence: r.confidence, source: r.source, evidence: r.evidence}]->(s)
