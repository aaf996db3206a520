// A segment and its PART_OF link to its chain; a new one starts at version 1, a rewritten
// one moves on a version.
// params: $id, $chainId, $name, $stage, $position, $industryCodes, $keywords, $description, $source, $searchText
// returns: nothing
MATCH (c:Chain {id: $chainId})
MERGE (s:Segment {id: $id})
SET s.name = $name, s.stage = $stage, s.position = $position, s.industryCodes = $industryCodes,
    s.keywords = $keywords, s.description = $description, s.source = $source, s.searchText = $searchText,
    s.version = coalesce(s.version, 0) + 1
MERGE (s)-[:PART_OF]->(c)
