// Changes a user only if still at $version (optimistic concurrency).
// params: $username, $version, $role, $passwordHash, $disabled, $at   returns: username
MATCH (u:User {username: $username})
WHERE u.version = $version
SET u.role = $role, u.passwordHash = $passwordHash, u.disabled = $disabled, u.updatedAt = $at, u.version = $version + 1
RETURN u.username AS username
