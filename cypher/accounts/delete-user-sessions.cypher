// Logs a user out everywhere (after a password reset or when disabled).
// params: $username   returns: nothing
MATCH (s:Session)
WHERE s.username = $username
DELETE s
