// One firm's name, aliases and region, by its key, for the firm cards kept in memory
// (server/services/firm-cards.ts).
// params: $id
// returns: name, aliases, regionCode
MATCH (f:Firm {id: $id})
RETURN f.name AS name, f.aliases AS aliases, f.regionCode AS regionCode
