// How many chains the graph holds: 0 means it has never been seeded (a cache version
// token may be all there is).
// params: none   returns: count
MATCH (c:Chain) RETURN count(c) AS count
