// The instance running a job says it is still at it (see failInterruptedJobs).
// params: $id, $at   returns: nothing
MATCH (j:ImportJob {id: $id})
WHERE j.status = 'queued' OR j.status = 'running'
SET j.heartbeatAt = $at
