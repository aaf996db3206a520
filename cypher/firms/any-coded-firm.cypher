// A firm holding a 统一社会信用代码, if any: whether an empty key table has codes to take.
// params: none   returns: id
MATCH (f:Firm)
WHERE f.uscc IS NOT NULL
RETURN f.id AS id
LIMIT 1
