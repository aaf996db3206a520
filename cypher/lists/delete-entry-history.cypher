// params: $entryId   returns: nothing
MATCH (c:StatusChange)-[:CHANGE_OF]->(:ListEntry {id: $entryId})
DETACH DELETE c
