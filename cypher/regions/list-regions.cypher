// params: $level (province|city|county or null), $parentCode (or null)
// returns: code, name, level, parentCode
MATCH (r:Region)
WHERE ($level IS NULL OR r.level = $level) AND ($parentCode IS NULL OR r.parentCode = $parentCode)
RETURN r.code AS code, r.name AS name, r.level AS level, r.parentCode AS parentCode
ORDER BY code
