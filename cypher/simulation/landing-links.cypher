// The segments of a chain a firm operates in itself, one row per segment. One firm per
// query, looked up by its key (an IN list of ids scans every firm on Kùzu 0.11.3: seconds
// at a million firms).
// params: $firmId, $chainId
// returns: firmId, segmentId, products, capacity, confidence, source, version
MATCH (f:Firm {id: $firmId})-[o:OPERATES_IN]->(s:Segment)-[:PART_OF]->(:Chain {id: $chainId})
OPTIONAL MATCH (f)-[t:LINK_TEXTS]->(f) WHERE t.segmentId = s.id
RETURN f.id AS firmId, s.id AS segmentId, t.products AS products, t.capacity AS capacity,
       o.confidence AS confidence, t.source AS source, coalesce(o.version, 1) AS version
ORDER BY segmentId
