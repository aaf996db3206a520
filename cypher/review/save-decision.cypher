// params: $key, $firmId, $segmentId, $decision (accepted|rejected), $by, $at   returns: nothing
MERGE (d:ReviewDecision {key: $key})
SET d.firmId = $firmId, d.segmentId = $segmentId, d.decision = $decision, d.by = $by, d.at = $at
