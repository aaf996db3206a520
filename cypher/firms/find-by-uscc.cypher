// The firm holding a 统一社会信用代码, if any: a lookup by the key table's key
// (docs/decisions/024). Its name is read by its id apart: Kùzu joins a key found in a
// query to Firm by scanning every firm.
// params: $uscc   returns: id
MATCH (k:FirmCode {uscc: $uscc})
RETURN k.firmId AS id
