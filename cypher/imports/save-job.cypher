// An import job and where it stands (jobs live in the graph so any app instance can answer).
// params: $id, $fileName, $mode, $source, $zoneId, $status, $rowsDone, $rowsTotal, $createdAt,
//         $finishedAt, $report (JSON text or null), $error, $heartbeatAt
// returns: nothing
MERGE (j:ImportJob {id: $id})
SET j.fileName = $fileName, j.mode = $mode, j.source = $source, j.zoneId = $zoneId, j.status = $status,
    j.rowsDone = $rowsDone, j.rowsTotal = $rowsTotal, j.createdAt = $createdAt, j.finishedAt = $finishedAt,
    j.report = $report, j.error = $error, j.heartbeatAt = $heartbeatAt
