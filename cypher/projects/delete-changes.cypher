// params: $projectId   returns: nothing
MATCH (c:ProjectStatusChange)
WHERE c.projectId = $projectId
DELETE c
