// The zone of a list entry's list (services/write-reach.ts).
// params: $id   returns: zoneId (no row when the entry is gone)
MATCH (:ListEntry {id: $id})-[:IN_LIST]->(l:TargetList)
RETURN l.zoneId AS zoneId
