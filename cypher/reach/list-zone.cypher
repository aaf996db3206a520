// The zone of a target list (services/write-reach.ts).
// params: $id   returns: zoneId (no row when the list is gone)
MATCH (l:TargetList {id: $id})
RETURN l.zoneId AS zoneId
