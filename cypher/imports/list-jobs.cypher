// The latest import jobs, newest first (without their reports).
// params: $limit
// returns: id, fileName, mode, source, zoneId, status, rowsDone, rowsTotal, createdAt, finishedAt, error
MATCH (j:ImportJob)
RETURN j.id AS id, j.fileName AS fileName, j.mode AS mode, j.source AS source, j.zoneId AS zoneId,
       j.status AS status, j.rowsDone AS rowsDone, j.rowsTotal AS rowsTotal, j.createdAt AS createdAt,
       j.finishedAt AS finishedAt, j.error AS error
ORDER BY createdAt DESC
LIMIT $limit
