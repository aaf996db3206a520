// A firm on a list, aimed at one segment, with the score it had when it was added; no row
// when the firm is on the list already (or the list, firm or segment is gone). The entry's
// id is made from the list and the firm (lists.ts entryId), so on Neo4j, where two adds at
// once can both pass the check, the id's uniqueness constraint refuses the second.
// params: $id, $listId, $firmId, $segmentId, $status, $ownerTeam, $notes, $nextContactOn,
//         $score, $reason, $createdAt
// returns: id
MATCH (l:TargetList {id: $listId})
MATCH (f:Firm {id: $firmId})
MATCH (s:Segment {id: $segmentId})
WHERE COUNT { MATCH (f)<-[:TARGETS]-(:ListEntry)-[:IN_LIST]->(l) } = 0
CREATE (e:ListEntry {id: $id, status: $status, ownerTeam: $ownerTeam, notes: $notes, nextContactOn: $nextContactOn,
                     score: $score, reason: $reason, createdAt: $createdAt,
                     updatedAt: $createdAt, version: 1})
CREATE (e)-[:IN_LIST]->(l)
CREATE (e)-[:TARGETS]->(f)
CREATE (e)-[:FILLS]->(s)
RETURN e.id AS id
