// Fills the empty key table of 统一社会信用代码 from the firms (docs/decisions/024). A code two
// firms hold (a graph written before codes were checked) is keyed to the first of them.
// params: none   returns: nothing
MATCH (f:Firm)
WHERE f.uscc IS NOT NULL
WITH f.uscc AS uscc, min(f.id) AS firmId
CREATE (:FirmCode {uscc: uscc, firmId: firmId})
