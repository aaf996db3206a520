// Firms this firm sells to. (Customers and suppliers are two queries: a UNION of such
// halves can crash Kùzu 0.11.3.)
// params: $id
// returns: otherId, otherName, otherZoneId, product, source
MATCH (f:Firm {id: $id})-[r:SUPPLIES]->(o:Firm)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(z:Zone)
RETURN o.id AS otherId, o.name AS otherName, z.id AS otherZoneId, r.product AS product, r.source AS source
ORDER BY otherId, product, source, otherZoneId
