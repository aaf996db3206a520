// An entry (delete its history first with lists/delete-entry-history; a project it produced stays).
// params: $id   returns: nothing
MATCH (e:ListEntry {id: $id})
DETACH DELETE e
