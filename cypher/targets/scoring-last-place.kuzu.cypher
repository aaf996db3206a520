// The last place taken in Kùzu's firm node table (null when there are no firms), so the
// in-memory scoring facts know how far to read (server/services/scoring-facts.ts).
// params: none
// returns: last
MATCH (f:Firm)
RETURN max(offset(id(f))) AS last
