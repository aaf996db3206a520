// params: $projectId, $segmentId   returns: nothing
MATCH (p:Project {id: $projectId}), (s:Segment {id: $segmentId})
MERGE (p)-[:BUILDS]->(s)
