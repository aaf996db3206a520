// The firm holding a 统一社会信用代码, if any.
// params: $uscc   returns: id, name
MATCH (f:Firm)
WHERE f.uscc = $uscc
RETURN f.id AS id, f.name AS name
ORDER BY id
