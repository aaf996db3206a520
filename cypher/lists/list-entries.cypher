// The entries of a list with their firm and segment, found from the list by its key (a
// pattern starting elsewhere has Kùzu scan every firm: a second at a million).
// params: $listId
// returns: id, status, ownerTeam, notes, nextContactOn, score, reason, projectId, createdAt, updatedAt,
//          version, firmId, firmName, aliases, regionCode, capital, tags, sample, source, asOf,
//          segmentId, segmentName
MATCH (:TargetList {id: $listId})<-[:IN_LIST]-(e:ListEntry)-[:TARGETS]->(f:Firm)
MATCH (e)-[:FILLS]->(s:Segment)
RETURN e.id AS id, e.status AS status, e.ownerTeam AS ownerTeam, e.notes AS notes,
       e.nextContactOn AS nextContactOn, e.score AS score, e.reason AS reason, e.projectId AS projectId,
       e.createdAt AS createdAt, e.updatedAt AS updatedAt, e.version AS version,
       f.id AS firmId, f.name AS firmName, f.aliases AS aliases, f.regionCode AS regionCode,
       f.capital AS capital, f.tags AS tags, f.sample AS sample, f.source AS source, f.asOf AS asOf,
       s.id AS segmentId, s.name AS segmentName
ORDER BY score DESC, id
