// params: $id, $at, $actor, $action, $entity, $entityId, $summary, $before, $after   returns: nothing
CREATE (:AuditEntry {id: $id, at: $at, actor: $actor, action: $action, entity: $entity, entityId: $entityId,
                     summary: $summary, before: $before, after: $after})
