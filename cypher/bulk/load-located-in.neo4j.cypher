// params: $rows ({from, to})   returns: nothing
UNWIND $rows AS r
MATCH (f:Firm {id: r.from}), (z:Zone {id: r.to})
CREATE (f)-[:LOCATED_IN]->(z)
