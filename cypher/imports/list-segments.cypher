// Every segment with what classification matches against.
// params: none   returns: id, chainId, name, industryCodes, keywords
MATCH (s:Segment)-[:PART_OF]->(c:Chain)
RETURN s.id AS id, c.id AS chainId, s.name AS name, s.industryCodes AS industryCodes, s.keywords AS keywords
ORDER BY id
