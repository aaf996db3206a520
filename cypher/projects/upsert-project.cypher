// A project and the firm investing in it.
// params: $id, $name, $firmId, $zoneId, $investment, $status, $statusOn, $description, $source
// returns: nothing
MATCH (f:Firm {id: $firmId})
MERGE (p:Project {id: $id})
SET p.name = $name, p.zoneId = $zoneId, p.investment = $investment, p.status = $status,
    p.statusOn = $statusOn, p.description = $description, p.source = $source
MERGE (f)-[:INVESTS]->(p)
