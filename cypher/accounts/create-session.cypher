// A session, stored by the hash of its token (the token itself lives only in the cookie).
// params: $id, $username, $createdAt, $expiresAt   returns: nothing
CREATE (s:Session {id: $id, username: $username, createdAt: $createdAt, expiresAt: $expiresAt})
