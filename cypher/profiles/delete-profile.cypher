// params: $id   returns: nothing
MATCH (p:ScoringProfile {id: $id})
DELETE p
