// params: $id   returns: nothing
MATCH (s:Session {id: $id})
DELETE s
