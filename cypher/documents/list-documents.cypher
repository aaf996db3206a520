// Every source document, for showing sources by title.
// params: none
// returns: fileName, title, date, publisher
MATCH (d:Document)
RETURN d.fileName AS fileName, d.title AS title, d.date AS date, d.publisher AS publisher
ORDER BY fileName
