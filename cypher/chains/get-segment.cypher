// params: $id   returns: id, chainId, name, stage
MATCH (s:Segment {id: $id})-[:PART_OF]->(c:Chain)
RETURN s.id AS id, c.id AS chainId, s.name AS name, s.stage AS stage
