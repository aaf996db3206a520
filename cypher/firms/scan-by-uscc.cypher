// The firms holding a 统一社会信用代码, found by reading every firm: what the key table
// (firms/find-by-uscc) spares. Kept for the benchmark's comparison and the tests that check
// the key table against the firms.
// params: $uscc   returns: id, name
MATCH (f:Firm)
WHERE f.uscc = $uscc
RETURN f.id AS id, f.name AS name
ORDER BY id
