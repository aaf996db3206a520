// Every supply tie (SUPPLIES), for the links kept in memory.
// params: none
// returns: supplierId, buyerId, product, source
MATCH (s:Firm)-[r:SUPPLIES]->(b:Firm)
RETURN s.id AS supplierId, b.id AS buyerId, r.product AS product, r.source AS source
