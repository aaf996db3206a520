// Changes a project's own fields only if it is still at $version (optimistic concurrency).
// params: $id, $version, $name, $investment, $status, $statusOn, $description, $source, $at
// returns: id (no row when the project is gone or was changed meanwhile)
MATCH (p:Project {id: $id})
WHERE coalesce(p.version, 1) = $version
SET p.name = $name, p.investment = $investment, p.status = $status, p.statusOn = $statusOn,
    p.description = $description, p.source = $source, p.updatedAt = $at, p.version = $version + 1
RETURN p.id AS id
