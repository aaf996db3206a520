// params: $zoneId, $segmentId   returns: nothing
MATCH (:Zone {id: $zoneId})-[f:FLAGS]->(:Segment {id: $segmentId})
DELETE f
