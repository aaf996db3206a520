// params: $firmId, $segmentId   returns: confidence, evidence, importId
MATCH (:Firm {id: $firmId})-[g:SUGGESTED]->(:Segment {id: $segmentId})
RETURN g.confidence AS confidence, g.evidence AS evidence, g.importId AS importId
