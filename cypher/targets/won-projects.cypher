// Firms already won for the zone: each project sited there at one of $statuses (signed or
// further along), whatever chain it builds.
// params: $zoneId, $statuses
// returns: firmId, firmName, firmAliases, regionCode, projectName, status
MATCH (:Zone {id: $zoneId})<-[:SITED_IN]-(p:Project)<-[:INVESTS]-(f:Firm)
WHERE p.status IN $statuses
RETURN f.id AS firmId, f.name AS firmName, f.aliases AS firmAliases, f.regionCode AS regionCode,
       p.name AS projectName, p.status AS status
ORDER BY firmId, projectName
