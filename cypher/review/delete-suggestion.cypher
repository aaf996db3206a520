// params: $firmId, $segmentId   returns: nothing
MATCH (:Firm {id: $firmId})-[g:SUGGESTED]->(:Segment {id: $segmentId})
DELETE g
