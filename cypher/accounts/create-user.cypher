// params: $username, $role, $passwordHash, $at   returns: nothing
CREATE (u:User {username: $username, role: $role, passwordHash: $passwordHash, disabled: false,
                createdAt: $at, updatedAt: $at, version: 1})
