// Deletes every node with its relationships; the schema stays.
// params: none   returns: nothing
MATCH (n) DETACH DELETE n
