// params: $id   returns: id, definition (JSON text of the whole profile)
MATCH (p:ScoringProfile {id: $id})
RETURN p.id AS id, p.definition AS definition
