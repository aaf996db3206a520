// Projects sited in the zone that build a segment of the chain, at one of $statuses (signed
// or further along), with their firm's home region: 招商地图 marks where they came from.
// params: $zoneId, $chainId, $statuses
// returns: id, name, status, firmName, firmAliases, regionCode
MATCH (:Zone {id: $zoneId})<-[:SITED_IN]-(p:Project)-[:BUILDS]->(:Segment)-[:PART_OF]->(:Chain {id: $chainId}),
      (f:Firm)-[:INVESTS]->(p)
WHERE p.status IN $statuses
RETURN DISTINCT p.id AS id, p.name AS name, p.status AS status, f.name AS firmName, f.aliases AS firmAliases, f.regionCode AS regionCode
ORDER BY id
