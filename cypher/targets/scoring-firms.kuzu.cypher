// The scoring facts of the firms at places [$from, $to) of Kùzu's node table (offsets are
// never reused: a new firm takes a place past every other), for the in-memory scoring facts
// (server/services/scoring-facts.ts).
// params: $from, $to
// returns: place, id, name, regionCode, capital, staff, revenue, tags, asOf, standing
MATCH (f:Firm)
WHERE offset(id(f)) >= $from AND offset(id(f)) < $to
RETURN offset(id(f)) AS place, f.id AS id, f.name AS name, f.regionCode AS regionCode, f.capital AS capital,
       f.staff AS staff, f.revenue AS revenue, f.tags AS tags, f.asOf AS asOf, f.standing AS standing
