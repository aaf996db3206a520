// Gives a project another investing firm and zone; no row when either does not exist.
// params: $id, $firmId, $zoneId
// returns: id
MATCH (old:Firm)-[i:INVESTS]->(p:Project {id: $id})-[s:SITED_IN]->(:Zone)
MATCH (f:Firm {id: $firmId})
MATCH (z:Zone {id: $zoneId})
DELETE i, s
CREATE (f)-[:INVESTS]->(p)
CREATE (p)-[:SITED_IN]->(z)
RETURN p.id AS id
