// A new project of a firm in a zone; no row when the firm or the zone does not exist.
// params: $id, $name, $firmId, $zoneId, $investment, $status, $statusOn, $description, $source, $at
// returns: id
MATCH (f:Firm {id: $firmId})
MATCH (z:Zone {id: $zoneId})
CREATE (p:Project {id: $id, name: $name, investment: $investment, status: $status, statusOn: $statusOn,
                   description: $description, source: $source, version: 1, createdAt: $at, updatedAt: $at})
CREATE (f)-[:INVESTS]->(p)
CREATE (p)-[:SITED_IN]->(z)
RETURN p.id AS id
