// What points at a firm and would stop it being deleted.
// params: $id   returns: projects, entries
MATCH (f:Firm {id: $id})
RETURN COUNT { MATCH (f)-[:INVESTS]->(:Project) } AS projects,
       COUNT { MATCH (:ListEntry)-[:TARGETS]->(f) } AS entries
