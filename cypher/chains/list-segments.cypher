// params: $chainId
// returns: id, chainId, name, stage, position, industryCodes, keywords, description, source
MATCH (s:Segment)-[:PART_OF]->(c:Chain {id: $chainId})
RETURN s.id AS id, c.id AS chainId, s.name AS name, s.stage AS stage, s.position AS position,
       s.industryCodes AS industryCodes, s.keywords AS keywords, s.description AS description, s.source AS source
ORDER BY stage, position, id
