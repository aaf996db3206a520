// params: $q, $limit
// returns: id, name, stage, chainId, chainName, searchText
MATCH (s:Segment)-[:PART_OF]->(c:Chain)
WHERE s.searchText CONTAINS $q
RETURN s.id AS id, s.name AS name, s.stage AS stage, c.id AS chainId, c.name AS chainName, s.searchText AS searchText
LIMIT $limit
