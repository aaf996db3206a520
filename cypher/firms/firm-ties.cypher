// Supply ties in both directions. direction: "supplies" (this firm sells to other) or "buys".
// params: $id
// returns: direction, otherId, otherName, otherZoneId, product, source
MATCH (f:Firm {id: $id})-[r:SUPPLIES]->(o:Firm)
RETURN 'supplies' AS direction, o.id AS otherId, o.name AS otherName, o.zoneId AS otherZoneId,
       r.product AS product, r.source AS source
UNION
MATCH (o:Firm)-[r:SUPPLIES]->(f:Firm {id: $id})
RETURN 'buys' AS direction, o.id AS otherId, o.name AS otherName, o.zoneId AS otherZoneId,
       r.product AS product, r.source AS source
