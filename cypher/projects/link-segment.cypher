// params: $projectId, $segmentId   returns: projectId (no row when either does not exist)
MATCH (p:Project {id: $projectId})
MATCH (s:Segment {id: $segmentId})
MERGE (p)-[:BUILDS]->(s)
RETURN p.id AS projectId
