// Records a project's status change; the project must exist.
// params: $id, $projectId, $fromStatus, $toStatus, $statusOn, $by, $at, $note
// returns: id
MATCH (p:Project {id: $projectId})
CREATE (c:ProjectStatusChange {id: $id, projectId: $projectId, fromStatus: $fromStatus, toStatus: $toStatus,
                               statusOn: $statusOn, by: $by, at: $at, note: $note})
RETURN c.id AS id
