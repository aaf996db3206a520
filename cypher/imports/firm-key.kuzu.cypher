// One firm's identity and place, for the firm keys kept in memory (server/imports/firm-keys.ts):
// a firm a write named, read again by its key; no row when it is gone.
// params: $id
// returns: place, id, uscc, name, regionCode
MATCH (f:Firm {id: $id})
RETURN offset(id(f)) AS place, f.id AS id, f.uscc AS uscc, f.name AS name, f.regionCode AS regionCode
