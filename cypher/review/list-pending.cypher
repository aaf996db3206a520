// Suggested firm → segment links waiting for review, least confident first.
// params: $limit, $skip
// returns: firmId, firmName, regionCode, attributes, segmentId, segmentName, chainId, chainName,
//          confidence, evidence, importId
MATCH (f:Firm)-[g:SUGGESTED]->(s:Segment)-[:PART_OF]->(c:Chain)
RETURN f.id AS firmId, f.name AS firmName, f.regionCode AS regionCode, f.attributes AS attributes,
       s.id AS segmentId, s.name AS segmentName, c.id AS chainId, c.name AS chainName,
       g.confidence AS confidence, g.evidence AS evidence, g.importId AS importId
ORDER BY confidence, firmId, segmentId
SKIP $skip
LIMIT $limit
