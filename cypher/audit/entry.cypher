// One audit entry by its key, with the records before and after (a row of the log opened).
// params: $id   returns: id, at, actor, action, entity, entityId, summary, before, after (JSON text)
MATCH (a:AuditEntry {id: $id})
RETURN a.id AS id, a.at AS at, a.actor AS actor, a.action AS action, a.entity AS entity, a.entityId AS entityId,
       a.summary AS summary, a.before AS before, a.after AS after
