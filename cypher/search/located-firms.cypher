// Which zone each local firm is located in (a few thousand at most), for search hits.
// params: none
// returns: firmId, zoneId
MATCH (z:Zone)<-[:LOCATED_IN]-(f:Firm)
RETURN f.id AS firmId, z.id AS zoneId
