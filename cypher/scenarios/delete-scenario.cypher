// params: $id   returns: nothing
MATCH (s:Scenario {id: $id})
DELETE s
