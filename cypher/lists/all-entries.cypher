// Every list entry with its list, firm and segment: the pipeline across zones.
// params: none
// returns: id, status, ownerTeam, nextContactOn, projectId, updatedAt, listId, listName, zoneId, chainId,
//          firmId, firmName, firmAliases, segmentId, segmentName
MATCH (e:ListEntry)-[:IN_LIST]->(l:TargetList), (e)-[:TARGETS]->(f:Firm), (e)-[:FILLS]->(s:Segment)
RETURN e.id AS id, e.status AS status, e.ownerTeam AS ownerTeam, e.nextContactOn AS nextContactOn,
       e.projectId AS projectId, e.updatedAt AS updatedAt, l.id AS listId, l.name AS listName,
       l.zoneId AS zoneId, l.chainId AS chainId, f.id AS firmId, f.name AS firmName, f.aliases AS firmAliases,
       s.id AS segmentId, s.name AS segmentName
ORDER BY listId, id
