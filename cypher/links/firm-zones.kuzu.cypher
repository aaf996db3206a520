// One firm's zones, by its key (the hint keeps Kùzu from scanning every firm).
// params: $id
// returns: zoneId
MATCH (f:Firm {id: $id})-[e:LOCATED_IN]->(z:Zone)
HINT (f JOIN e) JOIN z
RETURN z.id AS zoneId
