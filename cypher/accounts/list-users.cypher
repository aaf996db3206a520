// params: none   returns: username, role, disabled, createdAt, updatedAt, version
MATCH (u:User)
RETURN u.username AS username, u.role AS role, u.disabled AS disabled, u.createdAt AS createdAt,
       u.updatedAt AS updatedAt, u.version AS version
ORDER BY username
