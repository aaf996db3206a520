// Projects in the zone that build segments of the chain, one row per project × segment.
// params: $zoneId, $chainId
// returns: id, name, firmId, firmName, investment, status, statusOn, description, source, segmentId
MATCH (:Zone {id: $zoneId})<-[:SITED_IN]-(p:Project)-[:BUILDS]->(s:Segment)-[:PART_OF]->(:Chain {id: $chainId}),
      (f:Firm)-[:INVESTS]->(p)
RETURN p.id AS id, p.name AS name, f.id AS firmId, f.name AS firmName, p.investment AS investment,
       p.status AS status, p.statusOn AS statusOn, p.description AS description, p.source AS source,
       s.id AS segmentId
ORDER BY id, segmentId
