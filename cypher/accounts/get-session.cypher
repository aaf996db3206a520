// params: $id   returns: username, role, disabled, expiresAt
MATCH (s:Session {id: $id})
MATCH (u:User)
WHERE u.username = s.username
RETURN u.username AS username, u.role AS role, u.disabled AS disabled, s.expiresAt AS expiresAt
