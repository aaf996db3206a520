// The segments of a chain a firm operates in through its branches (分公司, 分厂: a ranking
// names the parent in the branch's stead), one row per segment × branch. One firm per
// query, looked up by its key. (A separate query from landing-links: a UNION of such
// matches crashes Kùzu 0.11.3.)
// params: $firmId, $chainId
// returns: firmId, segmentId, products, capacity, confidence, source, version
MATCH (b:Firm)-[r:BELONGS_TO]->(f:Firm {id: $firmId}), (b)-[o:OPERATES_IN]->(s:Segment)-[:PART_OF]->(:Chain {id: $chainId})
WHERE r.kind = 'branch'
OPTIONAL MATCH (b)-[t:LINK_TEXTS]->(b) WHERE t.segmentId = s.id
RETURN f.id AS firmId, s.id AS segmentId, t.products AS products, t.capacity AS capacity,
       o.confidence AS confidence, t.source AS source, coalesce(o.version, 1) AS version
ORDER BY segmentId
