// Projects' status changes, oldest first.
// params: $projectId (or null for every project's)
// returns: id, projectId, fromStatus, toStatus, statusOn, by, at, note
MATCH (c:ProjectStatusChange)
WHERE $projectId IS NULL OR c.projectId = $projectId
RETURN c.id AS id, c.projectId AS projectId, c.fromStatus AS fromStatus, c.toStatus AS toStatus,
       c.statusOn AS statusOn, c.by AS by, c.at AS at, c.note AS note
ORDER BY at, id
