// How many nodes the graph holds (0 means it has never been seeded).
// params: none   returns: count
MATCH (n) RETURN count(n) AS count
