// The firms that firms operating in the target segments belong to (BELONGS_TO: subsidiary or
// branch), with the parent's own facts and its zone: a branch cannot decide an investment,
// so its parent is ranked in its stead. One row per firm × parent × target segment it
// operates in (the service keeps one).
// params: $segmentIds
// returns: firmId, kind, id, name, aliases, uscc, regionCode, capital, capitalAmount, capitalCurrency, staff, revenue, tags, sample,
//          source, asOf, standing, zoneId
MATCH (f:Firm)-[r:BELONGS_TO]->(p:Firm), (f)-[:OPERATES_IN]->(s:Segment)
WHERE s.id IN $segmentIds
OPTIONAL MATCH (p)-[:LOCATED_IN]->(z:Zone)
RETURN f.id AS firmId, r.kind AS kind, p.id AS id, p.name AS name, p.aliases AS aliases, p.uscc AS uscc,
       p.regionCode AS regionCode, p.capital AS capital, p.capitalAmount AS capitalAmount, p.capitalCurrency AS capitalCurrency, p.staff AS staff, p.revenue AS revenue, p.tags AS tags,
       p.sample AS sample, p.source AS source, p.asOf AS asOf, p.standing AS standing, z.id AS zoneId
ORDER BY firmId, id
