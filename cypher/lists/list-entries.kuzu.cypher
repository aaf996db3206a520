// As list-entries.cypher. Kùzu 0.11.3 plans the shared form by the tables' counts as of its
// last checkpoint: while those say there are no list entries (a graph before its first
// lists), it scans every firm to join them (0.5–1.0 s at a million firms, measured). The
// hint walks from the list by its key whatever the counts (1.6 ms, the same rows).
// params: $listId
// returns: id, status, ownerTeam, notes, nextContactOn, score, reason, projectId, createdAt, updatedAt,
//          version, firmId, firmName, aliases, regionCode, capital, tags, sample, source, asOf,
//          segmentId, segmentName
MATCH (l:TargetList {id: $listId})<-[i:IN_LIST]-(e:ListEntry)-[t:TARGETS]->(f:Firm), (e)-[fl:FILLS]->(s:Segment)
HINT ((((l JOIN i) JOIN e) JOIN t) JOIN f) JOIN (fl JOIN s)
RETURN e.id AS id, e.status AS status, e.ownerTeam AS ownerTeam, e.notes AS notes,
       e.nextContactOn AS nextContactOn, e.score AS score, e.reason AS reason, e.projectId AS projectId,
       e.createdAt AS createdAt, e.updatedAt AS updatedAt, e.version AS version,
       f.id AS firmId, f.name AS firmName, f.aliases AS aliases, f.regionCode AS regionCode,
       f.capital AS capital, f.tags AS tags, f.sample AS sample, f.source AS source, f.asOf AS asOf,
       s.id AS segmentId, s.name AS segmentName
ORDER BY score DESC, id
