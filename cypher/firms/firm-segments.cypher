// params: $id
// returns: segmentId, segmentName, stage, chainId, chainName, products, capacity, confidence, source, evidence, version
MATCH (f:Firm {id: $id})-[o:OPERATES_IN]->(s:Segment)-[:PART_OF]->(c:Chain)
OPTIONAL MATCH (f)-[t:LINK_TEXTS]->(f) WHERE t.segmentId = s.id
RETURN s.id AS segmentId, s.name AS segmentName, s.stage AS stage, c.id AS chainId, c.name AS chainName,
       t.products AS products, t.capacity AS capacity, o.confidence AS confidence, t.source AS source, t.evidence AS evidence,
       coalesce(o.version, 1) AS version
ORDER BY chainId, segmentId
