// What firms buy from firms located in the zone: every supply tie out of the zone.
// Starts from the zone's own firms; the service keeps the ties of its candidates.
// params: $zoneId
// returns: firmId, localId, localName, localAliases, product
MATCH (z:Zone {id: $zoneId})<-[:LOCATED_IN]-(l:Firm)-[r:SUPPLIES]->(f:Firm)
RETURN f.id AS firmId, l.id AS localId, l.name AS localName, l.aliases AS localAliases, r.product AS product
ORDER BY firmId, localId, product
