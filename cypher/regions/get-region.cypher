// params: $code   returns: code, name, level, parentCode
MATCH (r:Region {code: $code})
RETURN r.code AS code, r.name AS name, r.level AS level, r.parentCode AS parentCode
