// A new segment of a chain at version 1; no row when the chain is gone or the id is taken.
// params: $id, $chainId, $name, $stage, $position, $industryCodes, $keywords, $description, $source, $searchText
// returns: id
MATCH (c:Chain {id: $chainId})
OPTIONAL MATCH (x:Segment {id: $id})
WITH c, count(x) AS taken
WHERE taken = 0
CREATE (s:Segment {id: $id, name: $name, stage: $stage, position: $position, industryCodes: $industryCodes,
                   keywords: $keywords, description: $description, source: $source, searchText: $searchText, version: 1})
CREATE (s)-[:PART_OF]->(c)
RETURN s.id AS id
