// Firms whose name, aliases or their pinyin contain the query (ranked by the service).
// params: $q (normalised: lower case, no spaces), $limit
// returns: id, name, aliases, regionCode, zoneId, sample, searchText
MATCH (f:Firm)
WHERE f.searchText CONTAINS $q
RETURN f.id AS id, f.name AS name, f.aliases AS aliases, f.regionCode AS regionCode, f.zoneId AS zoneId,
       f.sample AS sample, f.searchText AS searchText
LIMIT $limit
