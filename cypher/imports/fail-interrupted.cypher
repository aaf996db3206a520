// Jobs still queued or running when the server starts were cut off by a stop or a crash;
// their writes were one transaction, so nothing of them landed.
// params: $finishedAt, $error   returns: id
MATCH (j:ImportJob)
WHERE j.status = 'queued' OR j.status = 'running'
SET j.status = 'failed', j.finishedAt = $finishedAt, j.error = $error
RETURN j.id AS id
