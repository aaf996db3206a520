// Firms whose name, aliases or their pinyin contain the query (ranked by the service).
// On the embedded graph, search uses its in-memory index instead (server/services/firm-search.ts);
// this scan serves Neo4j, where a TEXT index on searchText answers CONTAINS.
// params: $q (normalised: lower case, no spaces), $limit
// returns: id, name, aliases, regionCode, zoneId, sample, standing, searchText
MATCH (f:Firm)
WHERE f.searchText CONTAINS $q
OPTIONAL MATCH (f)-[:LOCATED_IN]->(z:Zone)
RETURN f.id AS id, f.name AS name, f.aliases AS aliases, f.regionCode AS regionCode, z.id AS zoneId,
       f.sample AS sample, f.standing AS standing, f.searchText AS searchText
LIMIT $limit
