// What the audit log's index in memory keeps of every entry (server/audit/audit-index.ts),
// oldest first: the order it places them in, each at the end.
// params: none   returns: id, at, actor, entity, action, entityId
MATCH (a:AuditEntry)
RETURN a.id AS id, a.at AS at, a.actor AS actor, a.entity AS entity, a.action AS action, a.entityId AS entityId
ORDER BY at, id
