// Every segment with what classification matches against, and its chain's name for reports.
// params: none   returns: id, chainId, chainName, name, industryCodes, keywords
MATCH (s:Segment)-[:PART_OF]->(c:Chain)
RETURN s.id AS id, c.id AS chainId, c.name AS chainName, s.name AS name, s.industryCodes AS industryCodes, s.keywords AS keywords
ORDER BY id
