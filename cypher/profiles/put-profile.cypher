// params: $id, $name, $definition (JSON text), $updatedAt   returns: nothing
MERGE (p:ScoringProfile {id: $id})
SET p.name = $name, p.definition = $definition, p.updatedAt = $updatedAt
