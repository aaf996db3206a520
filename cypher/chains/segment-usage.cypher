// What points at a segment and would stop it being deleted.
// params: $id   returns: firms, projects, entries
MATCH (s:Segment {id: $id})
RETURN COUNT { MATCH (:Firm)-[:OPERATES_IN]->(s) } AS firms,
       COUNT { MATCH (:Project)-[:BUILDS]->(s) } AS projects,
       COUNT { MATCH (:ListEntry)-[:FILLS]->(s) } AS entries
