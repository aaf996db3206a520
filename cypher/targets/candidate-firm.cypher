// The candidate rows (as targets/candidates) of one firm in the target segments: every
// column, for the few firms a ranking shows (the scoring used the in-memory facts). One
// firm per query, looked up by its key. One row per target segment.
// params: $firmId, $segmentIds
// returns: id, name, aliases, uscc, regionCode, capital, capitalAmount, capitalCurrency, staff, revenue, tags, sample, source, asOf,
//          segmentId, confidence, products, linkSource
MATCH (f:Firm {id: $firmId})-[o:OPERATES_IN]->(s:Segment)
WHERE s.id IN $segmentIds
RETURN f.id AS id, f.name AS name, f.aliases AS aliases, f.uscc AS uscc, f.regionCode AS regionCode,
       f.capital AS capital, f.capitalAmount AS capitalAmount, f.capitalCurrency AS capitalCurrency, f.staff AS staff, f.revenue AS revenue, f.tags AS tags, f.sample AS sample,
       f.source AS source, f.asOf AS asOf, s.id AS segmentId, o.confidence AS confidence,
       o.products AS products, o.source AS linkSource
