// params: $code, $name, $level, $parentCode   returns: nothing
MERGE (r:Region {code: $code})
SET r.name = $name, r.level = $level, r.parentCode = $parentCode
