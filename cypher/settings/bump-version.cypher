// Every write ends by giving the graph a new version token, so caches in any app
// instance can tell their answers are stale.
// params: $token   returns: nothing
MERGE (s:Setting {key: 'graph-version'})
SET s.value = $token
