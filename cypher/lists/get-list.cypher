// One list by its key, one row per entry status (lists/list-lists for many).
// params: $listId
// returns: id, name, zoneId, chainId, profileId, createdBy, createdAt, note, status, entries
MATCH (l:TargetList {id: $listId})
OPTIONAL MATCH (l)<-[:IN_LIST]-(e:ListEntry)
RETURN l.id AS id, l.name AS name, l.zoneId AS zoneId, l.chainId AS chainId, l.profileId AS profileId,
       l.createdBy AS createdBy, l.createdAt AS createdAt, l.note AS note, e.status AS status, count(e) AS entries
