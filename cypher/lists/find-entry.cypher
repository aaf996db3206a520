// A firm's entry on a list, if it is on it: from the list by its key.
// params: $listId, $firmId   returns: id
MATCH (:TargetList {id: $listId})<-[:IN_LIST]-(e:ListEntry)-[:TARGETS]->(f:Firm)
WHERE f.id = $firmId
RETURN e.id AS id
