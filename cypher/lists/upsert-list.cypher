// A target list for a zone × chain.
// params: $id, $name, $zoneId, $chainId, $profileId, $createdBy, $createdAt, $note   returns: nothing
MERGE (l:TargetList {id: $id})
SET l.name = $name, l.zoneId = $zoneId, l.chainId = $chainId, l.profileId = $profileId,
    l.createdBy = $createdBy, l.createdAt = $createdAt, l.note = $note
