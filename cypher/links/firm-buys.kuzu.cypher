// What one firm buys and from whom, by its key.
// params: $id
// returns: supplierId, product, source
MATCH (f:Firm {id: $id})<-[r:SUPPLIES]-(s:Firm)
HINT (f JOIN r) JOIN s
RETURN s.id AS supplierId, r.product AS product, r.source AS source
