// Lists, optionally for one zone and/or chain, one row per list × entry status.
// params: $zoneId (or null), $chainId (or null)
// returns: id, name, zoneId, chainId, profileId, createdBy, createdAt, note, status, entries
MATCH (l:TargetList)
WHERE ($zoneId IS NULL OR l.zoneId = $zoneId) AND ($chainId IS NULL OR l.chainId = $chainId)
OPTIONAL MATCH (e:ListEntry)-[:IN_LIST]->(l)
RETURN l.id AS id, l.name AS name, l.zoneId AS zoneId, l.chainId AS chainId, l.profileId AS profileId,
       l.createdBy AS createdBy, l.createdAt AS createdAt, l.note AS note, e.status AS status, count(e) AS entries
ORDER BY createdAt DESC, id
