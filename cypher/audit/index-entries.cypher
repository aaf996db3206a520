// What the audit log's index in memory keeps of every entry (server/audit/audit-index.ts):
// all a page lists, oldest first — the order it places them in, each at the end.
// params: none   returns: id, at, actor, entity, action, entityId, summary
MATCH (a:AuditEntry)
RETURN a.id AS id, a.at AS at, a.actor AS actor, a.entity AS entity, a.action AS action, a.entityId AS entityId, a.summary AS summary
ORDER BY at, id
