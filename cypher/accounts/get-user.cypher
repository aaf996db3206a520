// params: $username   returns: username, role, passwordHash, disabled, createdAt, updatedAt, version
MATCH (u:User {username: $username})
RETURN u.username AS username, u.role AS role, u.passwordHash AS passwordHash, u.disabled AS disabled,
       u.createdAt AS createdAt, u.updatedAt AS updatedAt, u.version AS version
