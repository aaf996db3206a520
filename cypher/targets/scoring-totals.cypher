// How many firms and segment links the graph holds: the in-memory scoring facts check
// themselves against it after catching up (server/services/scoring-facts.ts).
// params: none
// returns: firms, links
MATCH (f:Firm)
WITH count(f) AS firms
OPTIONAL MATCH (:Firm)-[o:OPERATES_IN]->(:Segment)
RETURN firms, count(o) AS links
