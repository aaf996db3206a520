// Jobs still queued or running: at start-up, these were cut off by a stop or a crash.
// params: none   returns: id
MATCH (j:ImportJob)
WHERE j.status = 'queued' OR j.status = 'running'
RETURN j.id AS id
