// params: $chainId (or null for all)
// returns: id, name, nameEn, description, source, segmentCount
MATCH (c:Chain)
WHERE $chainId IS NULL OR c.id = $chainId
RETURN c.id AS id, c.name AS name, c.nameEn AS nameEn, c.description AS description, c.source AS source,
       COUNT { MATCH (s:Segment)-[:PART_OF]->(c) } AS segmentCount
ORDER BY id
