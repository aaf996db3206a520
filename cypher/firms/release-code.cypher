// A firm gives up a 统一社会信用代码 (a code changed or cleared, the firm deleted): its key goes.
// params: $uscc, $id   returns: nothing
MATCH (k:FirmCode {uscc: $uscc})
WHERE k.firmId = $id
DELETE k
