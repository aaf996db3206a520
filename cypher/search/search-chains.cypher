// Chains match on their name (and its pinyin) held in the chain's searchText.
// params: $q, $limit
// returns: id, name, nameEn, searchText
MATCH (c:Chain)
WHERE c.searchText CONTAINS $q
RETURN c.id AS id, c.name AS name, c.nameEn AS nameEn, c.searchText AS searchText
LIMIT $limit
