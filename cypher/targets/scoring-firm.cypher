// The scoring facts of one firm (one a write changed), for the in-memory scoring facts
// (server/services/scoring-facts.ts); no row when it is gone. One firm per query: Kùzu
// 0.11.3 looks a key up by its index only when it is a parameter, not an UNWIND variable.
// params: $id
// returns: id, name, regionCode, capital, staff, revenue, tags, asOf, standing
MATCH (f:Firm {id: $id})
RETURN f.id AS id, f.name AS name, f.regionCode AS regionCode, f.capital AS capital,
       f.staff AS staff, f.revenue AS revenue, f.tags AS tags, f.asOf AS asOf, f.standing AS standing
