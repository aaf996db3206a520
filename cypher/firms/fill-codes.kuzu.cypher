// Fills the empty key table of 统一社会信用代码 from the firms (docs/decisions/024). A code two
// firms hold (a graph written before codes were checked) is keyed to the first of them.
// Kùzu copies a query's rows into a table four times faster than it creates them one by one
// (10 s for 850,000 codes instead of 43 s).
// params: none   returns: nothing
COPY FirmCode FROM (
  MATCH (f:Firm)
  WHERE f.uscc IS NOT NULL
  RETURN f.uscc AS uscc, min(f.id) AS firmId
)
