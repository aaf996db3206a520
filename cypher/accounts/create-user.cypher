// A new user at version 1; no row when the name is taken (checked inside the write, so
// two admins adding the same name at once cannot both succeed).
// params: $username, $role, $passwordHash, $at   returns: username
OPTIONAL MATCH (x:User {username: $username})
WITH count(x) AS clashes
WHERE clashes = 0
CREATE (u:User {username: $username, role: $role, passwordHash: $passwordHash, disabled: false,
                createdAt: $at, updatedAt: $at, version: 1})
RETURN u.username AS username
