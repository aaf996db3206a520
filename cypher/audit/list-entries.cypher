// The audit log, newest first, filtered; a page starts after the entry ($afterAt, $afterId).
// The time bounds are also one range on `a.at` that is never open: Neo4j's index on it
// (audit_entry_at) seeks the range and gives the order, so a page stops after $limit
// entries that pass. Kùzu has no such index and scans: there pages come from the log's
// index in memory (server/audit/audit-index.ts), and this query serves exports.
// params: $actor, $entity, $entityId, $action (each null for any), $fromAt (inclusive),
//         $toAt (exclusive), $afterAt, $afterId (null for the first page), $limit
// returns: id, at, actor, action, entity, entityId, summary, before, after (JSON text)
MATCH (a:AuditEntry)
WHERE a.at >= coalesce($fromAt, '') AND a.at < coalesce($toAt, '~') AND a.at <= coalesce($afterAt, '~')
  AND ($actor IS NULL OR a.actor = $actor)
  AND ($entity IS NULL OR a.entity = $entity)
  AND ($entityId IS NULL OR a.entityId = $entityId)
  AND ($action IS NULL OR a.action = $action)
  AND ($afterAt IS NULL OR a.at < $afterAt OR a.id < $afterId)
RETURN a.id AS id, a.at AS at, a.actor AS actor, a.action AS action, a.entity AS entity, a.entityId AS entityId,
       a.summary AS summary, a.before AS before, a.after AS after
ORDER BY at DESC, id DESC
LIMIT $limit
