// params: $id
// returns: id, fileName, mode, source, zoneId, status, rowsDone, rowsTotal, createdAt, finishedAt, report, error
MATCH (j:ImportJob {id: $id})
RETURN j.id AS id, j.fileName AS fileName, j.mode AS mode, j.source AS source, j.zoneId AS zoneId,
       j.status AS status, j.rowsDone AS rowsDone, j.rowsTotal AS rowsTotal, j.createdAt AS createdAt,
       j.finishedAt AS finishedAt, j.report AS report, j.error AS error
