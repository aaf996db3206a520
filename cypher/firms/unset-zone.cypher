// Removes the firm's LOCATED_IN link, before firms/set-zone links it anew.
// params: $id   returns: nothing
MATCH (f:Firm {id: $id})-[r:LOCATED_IN]->(:Zone)
DELETE r
