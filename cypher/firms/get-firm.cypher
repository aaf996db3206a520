// params: $id
// returns: id, uscc, name, aliases, regionCode, zoneId, capital, capitalSource, capitalAsOf, capitalAmount, capitalCurrency, foundedOn, staff, revenue, tags, sample, source, asOf, attributes (JSON text), version, standing, standingText, standingOn
MATCH (f:Firm {id: $id})
OPTIONAL MATCH (f)-[:LOCATED_IN]->(z:Zone)
RETURN f.id AS id, f.uscc AS uscc, f.name AS name, f.aliases AS aliases, f.regionCode AS regionCode,
       z.id AS zoneId, f.capital AS capital, f.capitalSource AS capitalSource, f.capitalAsOf AS capitalAsOf,
       f.capitalAmount AS capitalAmount, f.capitalCurrency AS capitalCurrency,
       f.foundedOn AS foundedOn, f.staff AS staff,
       f.revenue AS revenue, f.tags AS tags, f.sample AS sample, f.source AS source, f.asOf AS asOf, f.attributes AS attributes,
       coalesce(f.version, 1) AS version, f.standing AS standing, f.standingText AS standingText, f.standingOn AS standingOn
