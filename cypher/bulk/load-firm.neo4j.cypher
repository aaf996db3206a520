// Neo4j's side of a bulk load: new firms, a batch at a time (Kùzu uses COPY).
// params: $rows (objects with every Firm column)   returns: nothing
UNWIND $rows AS r
CREATE (f:Firm)
SET f = r
