// Sessions past their end, removed as new ones begin so they never pile up.
// params: $now   returns: nothing
MATCH (s:Session)
WHERE s.expiresAt <= $now
DELETE s
