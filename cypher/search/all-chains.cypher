// Every chain with its search keys (see all-segments).
// params: none
// returns: id, name, nameEn, searchText
MATCH (c:Chain)
RETURN c.id AS id, c.name AS name, c.nameEn AS nameEn, c.searchText AS searchText
