// What the given firms sell to firms located in the zone (以商招商).
// (Kept apart from purchases-from-local: on Kùzu 0.11.3 a UNION of the two crashes.)
// params: $zoneId, $firmIds
// returns: firmId, localId, localName, localAliases, product
MATCH (z:Zone {id: $zoneId})<-[:LOCATED_IN]-(l:Firm)<-[r:SUPPLIES]-(f:Firm)
WHERE f.id IN $firmIds
RETURN f.id AS firmId, l.id AS localId, l.name AS localName, l.aliases AS localAliases, r.product AS product
