// The identity of every firm at place $from or past it in Kùzu's node table (offsets are
// never reused: a new firm takes a place past every other), for the firm keys kept in
// memory (server/imports/firm-keys.ts); $from 0 reads every firm.
// params: $from
// returns: place, id, uscc, name, regionCode
MATCH (f:Firm)
WHERE offset(id(f)) >= $from
RETURN offset(id(f)) AS place, f.id AS id, f.uscc AS uscc, f.name AS name, f.regionCode AS regionCode
