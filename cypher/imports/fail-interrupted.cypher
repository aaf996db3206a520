// A job cut off by a stop or a crash: its writes were one transaction, so nothing landed.
// Only while it is still unfinished: it may have ended since it was found.
// params: $id, $finishedAt, $error   returns: nothing
MATCH (j:ImportJob {id: $id})
WHERE j.status = 'queued' OR j.status = 'running'
SET j.status = 'failed', j.finishedAt = $finishedAt, j.error = $error
