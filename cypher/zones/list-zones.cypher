// params: $zoneId (or null for all)
// returns: id, name, shortName, countyCode, description, source
MATCH (z:Zone)
WHERE $zoneId IS NULL OR z.id = $zoneId
RETURN z.id AS id, z.name AS name, z.shortName AS shortName, z.countyCode AS countyCode,
       z.description AS description, z.source AS source
ORDER BY id
