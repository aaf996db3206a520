// Firms this firm buys from.
// params: $id
// returns: otherId, otherName, otherZoneId, product, source
MATCH (o:Firm)-[r:SUPPLIES]->(f:Firm {id: $id})
OPTIONAL MATCH (o)-[:LOCATED_IN]->(z:Zone)
RETURN o.id AS otherId, o.name AS otherName, z.id AS otherZoneId, r.product AS product, r.source AS source
ORDER BY otherId, product, source, otherZoneId
