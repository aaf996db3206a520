// Every segment with its chain and search keys: the embedded graph's search keeps them in
// memory (a few thousand) and refreshes them when the graph changes.
// params: none
// returns: id, name, stage, chainId, chainName, searchText
MATCH (s:Segment)-[:PART_OF]->(c:Chain)
RETURN s.id AS id, s.name AS name, s.stage AS stage, c.id AS chainId, c.name AS chainName, s.searchText AS searchText
