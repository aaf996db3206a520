// The scoring facts of the given firms (those a write changed), for the in-memory scoring
// facts (server/services/scoring-facts.ts); a firm that is gone has no row.
// params: $ids
// returns: id, name, regionCode, capital, staff, revenue, tags, asOf
UNWIND $ids AS firmId
MATCH (f:Firm {id: firmId})
RETURN f.id AS id, f.name AS name, f.regionCode AS regionCode, f.capital AS capital,
       f.staff AS staff, f.revenue AS revenue, f.tags AS tags, f.asOf AS asOf
