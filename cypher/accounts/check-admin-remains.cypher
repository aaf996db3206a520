// Before a change that takes an admin away (demoted or disabled): another enabled admin
// exists. Run inside the same write, after settings/take-lock "users".
// params: $username   returns: admins (no row when $username is the last enabled admin)
MATCH (u:User)
WHERE u.role = 'admin' AND u.disabled = false AND u.username <> $username
WITH count(u) AS admins
WHERE admins > 0
RETURN admins
