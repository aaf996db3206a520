// params: $id, $name, $nameEn, $description, $source, $searchText   returns: nothing
MERGE (c:Chain {id: $id})
SET c.name = $name, c.nameEn = $nameEn, c.description = $description, c.source = $source, c.searchText = $searchText
