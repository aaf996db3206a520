// Moves the texts of up to 10,000 segment links made before links kept their texts apart
// into their LINK_TEXTS links (docs/decisions/033-segment-link-texts-apart.md); the store
// runs it on open until it moves none. A link without texts needs no LINK_TEXTS link.
// returns: moved
MATCH (f:Firm)-[o:OPERATES_IN]->(s:Segment)
WHERE o.products IS NOT NULL OR o.capacity IS NOT NULL OR o.source IS NOT NULL OR o.evidence IS NOT NULL
WITH f, o, s LIMIT 10000
CREATE (f)-[:LINK_TEXTS {segmentId: s.id, products: o.products, capacity: o.capacity, source: o.source, evidence: o.evidence}]->(f)
REMOVE o.products, o.capacity, o.source, o.evidence
RETURN count(*) AS moved
