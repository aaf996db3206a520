// Every firm's zone (LOCATED_IN), for the links kept in memory (server/services/link-facts.ts).
// params: none
// returns: firmId, zoneId
MATCH (f:Firm)-[:LOCATED_IN]->(z:Zone)
RETURN f.id AS firmId, z.id AS zoneId
