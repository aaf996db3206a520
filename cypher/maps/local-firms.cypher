// The zone's firms operating in the chain, one row per firm × segment.
// params: $zoneId, $chainId
// returns: id, name, aliases, capital, tags, regionCode, segmentId, products, capacity, confidence, source, version
MATCH (:Zone {id: $zoneId})<-[:LOCATED_IN]-(f:Firm)-[o:OPERATES_IN]->(s:Segment)-[:PART_OF]->(:Chain {id: $chainId})
RETURN f.id AS id, f.name AS name, f.aliases AS aliases, f.capital AS capital, f.tags AS tags,
       f.regionCode AS regionCode, s.id AS segmentId, o.products AS products, o.capacity AS capacity,
       o.confidence AS confidence, o.source AS source, coalesce(o.version, 1) AS version
ORDER BY id, segmentId
