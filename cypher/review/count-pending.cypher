// params: none   returns: count
MATCH (:Firm)-[g:SUGGESTED]->(:Segment)
RETURN count(g) AS count
