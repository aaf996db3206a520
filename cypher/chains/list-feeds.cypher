// FEEDS links touching the chain, including those from or to other chains' segments.
// params: $chainId
// returns: source, target, sourceChainId, targetChainId, sourceName, targetName
MATCH (a:Segment)-[:FEEDS]->(b:Segment), (a)-[:PART_OF]->(ca:Chain), (b)-[:PART_OF]->(cb:Chain)
WHERE ca.id = $chainId OR cb.id = $chainId
RETURN a.id AS source, b.id AS target, ca.id AS sourceChainId, cb.id AS targetChainId,
       a.name AS sourceName, b.name AS targetName
ORDER BY source, target
