// One line of an entry's history: a status change, who made it and when.
// params: $id, $entryId, $fromStatus, $toStatus, $by, $at, $note   returns: nothing
MATCH (e:ListEntry {id: $entryId})
CREATE (c:StatusChange {id: $id, fromStatus: $fromStatus, toStatus: $toStatus, by: $by, at: $at, note: $note})
CREATE (c)-[:CHANGE_OF]->(e)
