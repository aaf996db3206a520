// A local firm: LOCATED_IN its zone (no-op when $zoneId is null or unknown).
// params: $id, $zoneId   returns: nothing
MATCH (f:Firm {id: $id})
MATCH (z:Zone {id: $zoneId})
MERGE (f)-[:LOCATED_IN]->(z)
