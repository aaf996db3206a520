// params: none   returns: count
MATCH (u:User) RETURN count(u) AS count
