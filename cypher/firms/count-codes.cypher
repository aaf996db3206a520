// The size of the key table of 统一社会信用代码 (FirmCode): empty in a graph made before it.
// params: none   returns: keys
MATCH (k:FirmCode)
RETURN count(k) AS keys
