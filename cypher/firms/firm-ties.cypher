// Supply ties in both directions. direction: "supplies" (this firm sells to other) or "buys".
// params: $id
// returns: direction, otherId, otherName, otherZoneId, product, source
MATCH (f:Firm {id: $id})-[r:SUPPLIES]->(o:Firm)
OPTIONAL MATCH (o)-[:LOCATED_IN]->(z:Zone)
RETURN 'supplies' AS direction, o.id AS otherId, o.name AS otherName, z.id AS otherZoneId,
       r.product AS product, r.source AS source
UNION
MATCH (o:Firm)-[r:SUPPLIES]->(f:Firm {id: $id})
OPTIONAL MATCH (o)-[:LOCATED_IN]->(z:Zone)
RETURN 'buys' AS direction, o.id AS otherId, o.name AS otherName, z.id AS otherZoneId,
       r.product AS product, r.source AS source
