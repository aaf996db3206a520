// The saved 补链模拟 of a zone × chain, newest first; or one by its id ($id null: all of them).
// params: $zoneId, $chainId, $id
// returns: id, zoneId, chainId, name, firmIds, createdBy, createdAt
MATCH (s:Scenario)
WHERE ($id IS NULL AND s.zoneId = $zoneId AND s.chainId = $chainId) OR s.id = $id
RETURN s.id AS id, s.zoneId AS zoneId, s.chainId AS chainId, s.name AS name, s.firmIds AS firmIds,
       s.createdBy AS createdBy, s.createdAt AS createdAt
ORDER BY createdAt DESC, id
