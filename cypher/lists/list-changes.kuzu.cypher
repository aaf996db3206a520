// As list-changes.cypher, with the join order given (a plan by stale counts took 0.6 s at a
// million firms once, measured; see list-entries.kuzu.cypher).
// params: $listId
// returns: entryId, fromStatus, toStatus, by, at, note
MATCH (l:TargetList {id: $listId})<-[i:IN_LIST]-(e:ListEntry)<-[co:CHANGE_OF]-(c:StatusChange)
HINT ((l JOIN i) JOIN e) JOIN (co JOIN c)
RETURN e.id AS entryId, c.fromStatus AS fromStatus, c.toStatus AS toStatus, c.by AS by, c.at AS at, c.note AS note
ORDER BY at, c.id
