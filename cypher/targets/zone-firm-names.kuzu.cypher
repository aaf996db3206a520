// The zone's firms by name, for the supply ties a ranking shows (the ties themselves are
// kept in memory, link-facts.ts). The hint walks from the zone, not from every firm.
// params: $zoneId
// returns: id, name, aliases
MATCH (z:Zone {id: $zoneId})<-[e:LOCATED_IN]-(f:Firm)
HINT (z JOIN e) JOIN f
RETURN f.id AS id, f.name AS name, f.aliases AS aliases
