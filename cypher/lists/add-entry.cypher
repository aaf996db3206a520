// A firm on a list, aimed at one segment, with the score it had when it was added.
// params: $id, $listId, $firmId, $segmentId, $status, $ownerTeam, $notes, $nextContactOn,
//         $score, $reason, $createdAt
// returns: nothing
MATCH (l:TargetList {id: $listId})
MATCH (f:Firm {id: $firmId})
MATCH (s:Segment {id: $segmentId})
MERGE (e:ListEntry {id: $id})
SET e.status = $status, e.ownerTeam = $ownerTeam, e.notes = $notes, e.nextContactOn = $nextContactOn,
    e.score = $score, e.reason = $reason, e.projectId = NULL, e.createdAt = $createdAt,
    e.updatedAt = $createdAt, e.version = 1
MERGE (e)-[:IN_LIST]->(l)
MERGE (e)-[:TARGETS]->(f)
MERGE (e)-[:FILLS]->(s)
