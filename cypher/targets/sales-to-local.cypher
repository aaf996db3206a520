// What firms sell to firms located in the zone (以商招商): every supply tie into the zone.
// Starts from the zone's own firms (a few hundred), not from the candidates (which may be
// hundreds of thousands); the service keeps the ties of its candidates.
// (Kept apart from purchases-from-local: on Kùzu 0.11.3 a UNION of the two crashes.)
// params: $zoneId
// returns: firmId, localId, localName, localAliases, product
MATCH (z:Zone {id: $zoneId})<-[:LOCATED_IN]-(l:Firm)<-[r:SUPPLIES]-(f:Firm)
RETURN f.id AS firmId, l.id AS localId, l.name AS localName, l.aliases AS localAliases, r.product AS product
ORDER BY firmId, localId, product
