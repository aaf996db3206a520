// params: $projectId, $segmentId   returns: nothing
MATCH (p:Project {id: $projectId})
MATCH (s:Segment {id: $segmentId})
MERGE (p)-[:BUILDS]->(s)
