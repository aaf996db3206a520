// A project, the firm investing in it and the zone it is sited in (the sample, imports, a
// signed list entry). Each write gives it a new version, so an editor holding the old one
// sees the change.
// params: $id, $name, $firmId, $zoneId, $investment, $status, $statusOn, $description, $source
// returns: nothing
MATCH (f:Firm {id: $firmId})
MATCH (z:Zone {id: $zoneId})
MERGE (p:Project {id: $id})
SET p.name = $name, p.investment = $investment, p.status = $status,
    p.statusOn = $statusOn, p.description = $description, p.source = $source,
    p.version = coalesce(p.version, 0) + 1
MERGE (f)-[:INVESTS]->(p)
MERGE (p)-[:SITED_IN]->(z)
