// A firm takes its 统一社会信用代码 in the key table (FirmCode, docs/decisions/024): the code's
// holder is looked up by its key, so a firm write checks uniqueness inside its transaction
// without scanning every firm. Taking a code it already holds changes nothing.
// params: $uscc, $id
// returns: uscc (no row when another firm holds the code)
MERGE (k:FirmCode {uscc: $uscc})
ON CREATE SET k.firmId = $id
WITH k
WHERE k.firmId = $id
RETURN k.uscc AS uscc
