// The zone's firms and every segment they operate in, one row per firm × segment; the
// service keeps the chain's. (Naming the chain here lets Kùzu start from the chain's
// segments and walk every firm operating in them — hundreds of thousands at scale —
// where the zone has a few hundred firms.)
// params: $zoneId
// returns: id, name, aliases, capital, tags, regionCode, segmentId, products, capacity, confidence, source, version, standing, standingText
MATCH (:Zone {id: $zoneId})<-[:LOCATED_IN]-(f:Firm)-[o:OPERATES_IN]->(s:Segment)
OPTIONAL MATCH (f)-[t:LINK_TEXTS]->(f) WHERE t.segmentId = s.id
RETURN f.id AS id, f.name AS name, f.aliases AS aliases, f.capital AS capital, f.tags AS tags,
       f.regionCode AS regionCode, s.id AS segmentId, t.products AS products, t.capacity AS capacity,
       o.confidence AS confidence, t.source AS source, coalesce(o.version, 1) AS version,
       f.standing AS standing, f.standingText AS standingText
ORDER BY id, segmentId
