// A job cut off by a stop or a crash: its writes were one transaction, so nothing landed.
// params: $id, $finishedAt, $error   returns: nothing
MATCH (j:ImportJob {id: $id})
SET j.status = 'failed', j.finishedAt = $finishedAt, j.error = $error
