// The entries of a list with their firm and segment.
// params: $listId
// returns: id, status, ownerTeam, notes, nextContactOn, score, reason, projectId, createdAt, updatedAt,
//          version, firmId, firmName, aliases, regionCode, capital, tags, sample, source, asOf,
//          segmentId, segmentName
MATCH (e:ListEntry)-[:IN_LIST]->(:TargetList {id: $listId}), (e)-[:TARGETS]->(f:Firm), (e)-[:FILLS]->(s:Segment)
RETURN e.id AS id, e.status AS status, e.ownerTeam AS ownerTeam, e.notes AS notes,
       e.nextContactOn AS nextContactOn, e.score AS score, e.reason AS reason, e.projectId AS projectId,
       e.createdAt AS createdAt, e.updatedAt AS updatedAt, e.version AS version,
       f.id AS firmId, f.name AS firmName, f.aliases AS aliases, f.regionCode AS regionCode,
       f.capital AS capital, f.tags AS tags, f.sample AS sample, f.source AS source, f.asOf AS asOf,
       s.id AS segmentId, s.name AS segmentName
ORDER BY score DESC, id
