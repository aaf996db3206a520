// A suggestion for a firm already in the graph (later imports of the same firm).
// params: $firmId, $segmentId, $confidence, $evidence, $importId   returns: nothing
MATCH (f:Firm {id: $firmId})
MATCH (s:Segment {id: $segmentId})
MERGE (f)-[g:SUGGESTED]->(s)
SET g.confidence = $confidence, g.evidence = $evidence, g.importId = $importId
