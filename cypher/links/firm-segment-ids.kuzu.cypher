// The segments one firm operates in, by its key (the hint keeps Kùzu from scanning the
// segments' links), for the firm cards kept in memory (server/services/firm-cards.ts).
// params: $id
// returns: segmentId
MATCH (f:Firm {id: $id})-[o:OPERATES_IN]->(s:Segment)
HINT (f JOIN o) JOIN s
RETURN s.id AS segmentId
