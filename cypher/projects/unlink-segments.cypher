// params: $id   returns: nothing
MATCH (p:Project {id: $id})-[b:BUILDS]->(:Segment)
DELETE b
