// A project's status and investment as its list entry moves (the entry's write is guarded).
// params: $id, $status, $statusOn, $investment, $at
// returns: id
MATCH (p:Project {id: $id})
SET p.status = $status, p.statusOn = $statusOn, p.investment = $investment, p.updatedAt = $at,
    p.version = coalesce(p.version, 1) + 1
RETURN p.id AS id
