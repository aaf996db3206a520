// What the given firms buy from firms located in the zone.
// params: $zoneId, $firmIds
// returns: firmId, localId, localName, localAliases, product
MATCH (z:Zone {id: $zoneId})<-[:LOCATED_IN]-(l:Firm)-[r:SUPPLIES]->(f:Firm)
WHERE f.id IN $firmIds
RETURN f.id AS firmId, l.id AS localId, l.name AS localName, l.aliases AS localAliases, r.product AS product
