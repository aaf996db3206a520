// Firms outside the zone that operate in any of the target segments, within the chosen
// regions (code prefixes: "13" a province, "1302" a city, a county's full code; [""] is
// anywhere), with at least $minCapital (null: any). Tags are filtered by the service:
// Kùzu 0.11.3 cannot bind a null list parameter and mis-evaluates `t IN $list` inside any().
// One row per firm × target segment.
// params: $zoneId, $segmentIds, $prefixes, $minCapital
// returns: id, name, aliases, uscc, regionCode, capital, capitalAmount, capitalCurrency, staff, revenue, tags, sample, source, asOf,
//          standing, segmentId, confidence, products, linkSource
// (The zone is bound outside the subquery: Kùzu 0.11.3 does not see a parameter used only
// inside EXISTS { … }.)
MATCH (z:Zone {id: $zoneId})
MATCH (f:Firm)-[o:OPERATES_IN]->(s:Segment)
WHERE s.id IN $segmentIds
  AND NOT EXISTS { MATCH (f)-[:LOCATED_IN]->(z) }
  AND any(p IN $prefixes WHERE f.regionCode STARTS WITH p)
  AND ($minCapital IS NULL OR f.capital >= $minCapital)
OPTIONAL MATCH (f)-[t:LINK_TEXTS]->(f) WHERE t.segmentId = s.id
RETURN f.id AS id, f.name AS name, f.aliases AS aliases, f.uscc AS uscc, f.regionCode AS regionCode,
       f.capital AS capital, f.capitalAmount AS capitalAmount, f.capitalCurrency AS capitalCurrency, f.staff AS staff, f.revenue AS revenue, f.tags AS tags, f.sample AS sample,
       f.source AS source, f.asOf AS asOf, f.standing AS standing, s.id AS segmentId, o.confidence AS confidence,
       t.products AS products, t.source AS linkSource
ORDER BY id, segmentId
