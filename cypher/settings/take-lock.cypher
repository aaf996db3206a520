// Taken first by a write whose guard reads records other than the one it changes (is an
// admin left? is the firm already the leader?). Neo4j runs transactions side by side and
// each reads what was committed when it looks: two of them could both pass such a guard.
// Writing this node makes the second wait until the first commits, so its guard then
// sees the first one's change. Kùzu runs one write at a time; there the lock costs a row.
// params: $key, $at   returns: nothing
MERGE (s:Setting {key: $key})
SET s.value = $at
