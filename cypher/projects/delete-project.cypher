// params: $id   returns: nothing
MATCH (p:Project {id: $id})
DETACH DELETE p
