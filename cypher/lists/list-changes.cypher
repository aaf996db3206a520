// The status history of every entry of a list, oldest first.
// params: $listId
// returns: entryId, fromStatus, toStatus, by, at, note
MATCH (c:StatusChange)-[:CHANGE_OF]->(e:ListEntry)-[:IN_LIST]->(:TargetList {id: $listId})
RETURN e.id AS entryId, c.fromStatus AS fromStatus, c.toStatus AS toStatus, c.by AS by, c.at AS at, c.note AS note
ORDER BY at, c.id
