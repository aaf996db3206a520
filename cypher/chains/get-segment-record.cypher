// A segment as an editor sees it, with its version.
// params: $id
// returns: id, chainId, name, stage, position, industryCodes, keywords, description, source, version
MATCH (s:Segment {id: $id})-[:PART_OF]->(c:Chain)
RETURN s.id AS id, c.id AS chainId, s.name AS name, s.stage AS stage, s.position AS position,
       s.industryCodes AS industryCodes, s.keywords AS keywords, s.description AS description, s.source AS source,
       coalesce(s.version, 1) AS version
