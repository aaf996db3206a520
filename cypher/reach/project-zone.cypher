// The zone a project is sited in (services/write-reach.ts).
// params: $id   returns: zoneId (no row when the project is gone)
MATCH (:Project {id: $id})-[:SITED_IN]->(z:Zone)
RETURN z.id AS zoneId
