// params: $rows ({from, to, confidence, evidence, importId})   returns: nothing
UNWIND $rows AS r
MATCH (f:Firm {id: r.from}), (s:Segment {id: r.to})
CREATE (f)-[:SUGGESTED {confidence: r.confidence, evidence: r.evidence, importId: r.importId}]->(s)
