// params: $id
// returns: segmentId, segmentName, stage, chainId, chainName, products, capacity, confidence, source, evidence, version
MATCH (f:Firm {id: $id})-[o:OPERATES_IN]->(s:Segment)-[:PART_OF]->(c:Chain)
RETURN s.id AS segmentId, s.name AS segmentName, s.stage AS stage, c.id AS chainId, c.name AS chainName,
       o.products AS products, o.capacity AS capacity, o.confidence AS confidence, o.source AS source, o.evidence AS evidence,
       coalesce(o.version, 1) AS version
ORDER BY chainId, segmentId
