// The status history of every entry of a list, oldest first, found from the list by its key.
// params: $listId
// returns: entryId, fromStatus, toStatus, by, at, note
MATCH (:TargetList {id: $listId})<-[:IN_LIST]-(e:ListEntry)<-[:CHANGE_OF]-(c:StatusChange)
RETURN e.id AS entryId, c.fromStatus AS fromStatus, c.toStatus AS toStatus, c.by AS by, c.at AS at, c.note AS note
ORDER BY at, c.id
