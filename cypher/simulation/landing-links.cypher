// The segments of a chain the given firms operate in themselves, one row per firm × segment.
// params: $firmIds, $chainId
// returns: firmId, segmentId, products, capacity, confidence, source, version
MATCH (f:Firm)-[o:OPERATES_IN]->(s:Segment)-[:PART_OF]->(:Chain {id: $chainId})
WHERE f.id IN $firmIds
RETURN f.id AS firmId, s.id AS segmentId, o.products AS products, o.capacity AS capacity,
       o.confidence AS confidence, o.source AS source, coalesce(o.version, 1) AS version
ORDER BY firmId, segmentId
