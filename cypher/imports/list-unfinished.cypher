// Jobs still queued or running, and when their instance last said it was at them.
// params: none   returns: id, heartbeatAt
MATCH (j:ImportJob)
WHERE j.status = 'queued' OR j.status = 'running'
RETURN j.id AS id, coalesce(j.heartbeatAt, j.createdAt) AS heartbeatAt
