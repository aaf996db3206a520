// What one firm sells and to whom, by its key.
// params: $id
// returns: buyerId, product, source
MATCH (f:Firm {id: $id})-[r:SUPPLIES]->(b:Firm)
HINT (f JOIN r) JOIN b
RETURN b.id AS buyerId, r.product AS product, r.source AS source
