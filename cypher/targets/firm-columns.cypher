// One firm's own columns as a candidate row gives them, by its key: the parent a shown
// branch gives way to (the ranking weighed it from memory, scoring-facts.ts).
// params: $id
// returns: id, name, aliases, uscc, regionCode, capital, capitalAmount, capitalCurrency, staff, revenue, tags, sample, source, asOf, standing
MATCH (f:Firm {id: $id})
RETURN f.id AS id, f.name AS name, f.aliases AS aliases, f.uscc AS uscc, f.regionCode AS regionCode,
       f.capital AS capital, f.capitalAmount AS capitalAmount, f.capitalCurrency AS capitalCurrency, f.staff AS staff, f.revenue AS revenue, f.tags AS tags, f.sample AS sample,
       f.source AS source, f.asOf AS asOf, f.standing AS standing
