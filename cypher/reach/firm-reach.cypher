// What a write to one firm may change in kept answers (services/write-reach.ts): the zones
// it is located in, the segments it operates in, and whether it is tied to other records
// (its group, supply ties, chains it leads, projects, list entries), which reach further.
// params: $id
// returns: zoneIds, segmentIds, tied (no row when the firm is gone)
MATCH (f:Firm {id: $id})
OPTIONAL MATCH (f)-[:LOCATED_IN]->(z:Zone)
WITH f, collect(z.id) AS zoneIds
OPTIONAL MATCH (f)-[:OPERATES_IN]->(s:Segment)
WITH f, zoneIds, collect(s.id) AS segmentIds
RETURN zoneIds, segmentIds,
       EXISTS { MATCH (f)-[:BELONGS_TO]->(:Firm) } OR EXISTS { MATCH (:Firm)-[:BELONGS_TO]->(f) }
       OR EXISTS { MATCH (f)-[:SUPPLIES]->(:Firm) } OR EXISTS { MATCH (:Firm)-[:SUPPLIES]->(f) }
       OR EXISTS { MATCH (f)-[:LEADS]->(:Chain) } OR EXISTS { MATCH (f)-[:INVESTS]->(:Project) }
       OR EXISTS { MATCH (:ListEntry)-[:TARGETS]->(f) } AS tied
