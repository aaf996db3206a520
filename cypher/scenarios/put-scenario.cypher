// A named 补链模拟.
// params: $id, $zoneId, $chainId, $name, $firmIds, $createdBy, $createdAt   returns: nothing
MERGE (s:Scenario {id: $id})
SET s.zoneId = $zoneId, s.chainId = $chainId, s.name = $name, s.firmIds = $firmIds,
    s.createdBy = $createdBy, s.createdAt = $createdAt
