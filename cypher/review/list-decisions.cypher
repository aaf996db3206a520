// Reviewers' decisions on suggested segment links, which later imports respect.
// params: none   returns: firmId, segmentId, decision
MATCH (d:ReviewDecision)
RETURN d.firmId AS firmId, d.segmentId AS segmentId, d.decision AS decision
