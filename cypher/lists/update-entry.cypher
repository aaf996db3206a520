// Changes an entry only if it is still at $version (optimistic concurrency).
// params: $id, $version, $status, $ownerTeam, $notes, $nextContactOn, $projectId, $updatedAt
// returns: id (no row when the entry is gone or was changed meanwhile)
MATCH (e:ListEntry {id: $id})
WHERE e.version = $version
SET e.status = $status, e.ownerTeam = $ownerTeam, e.notes = $notes, e.nextContactOn = $nextContactOn,
    e.projectId = $projectId, e.updatedAt = $updatedAt, e.version = $version + 1
RETURN e.id AS id
