// The audit log, newest first, filtered; a page starts after the entry ($afterAt, $afterId).
// params: $actor, $entity, $entityId, $action (each null for any), $fromAt (inclusive),
//         $toAt (exclusive), $afterAt, $afterId (null for the first page), $limit
// returns: id, at, actor, action, entity, entityId, summary, before, after (JSON text)
MATCH (a:AuditEntry)
WHERE ($actor IS NULL OR a.actor = $actor)
  AND ($entity IS NULL OR a.entity = $entity)
  AND ($entityId IS NULL OR a.entityId = $entityId)
  AND ($action IS NULL OR a.action = $action)
  AND ($fromAt IS NULL OR a.at >= $fromAt)
  AND ($toAt IS NULL OR a.at < $toAt)
  AND ($afterAt IS NULL OR a.at < $afterAt OR (a.at = $afterAt AND a.id < $afterId))
RETURN a.id AS id, a.at AS at, a.actor AS actor, a.action AS action, a.entity AS entity, a.entityId AS entityId,
       a.summary AS summary, a.before AS before, a.after AS after
ORDER BY at DESC, id DESC
LIMIT $limit
