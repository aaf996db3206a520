// The firms located in a zone: they are never targets of its rankings.
// params: $zoneId
// returns: id
MATCH (f:Firm)-[:LOCATED_IN]->(:Zone {id: $zoneId})
RETURN f.id AS id
