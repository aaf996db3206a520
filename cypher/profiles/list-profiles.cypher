// params: none   returns: id, definition (JSON text of the whole profile)
MATCH (p:ScoringProfile)
RETURN p.id AS id, p.definition AS definition
ORDER BY id
