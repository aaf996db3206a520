// The firms that belong to one firm, by its key.
// params: $id
// returns: firmId, kind
MATCH (f:Firm {id: $id})<-[r:BELONGS_TO]-(c:Firm)
HINT (f JOIN r) JOIN c
RETURN c.id AS firmId, r.kind AS kind
