// Changes a firm only if it is still at $version and no other firm holds $uscc
// (optimistic concurrency; the uniqueness is checked inside the write).
// params: $id, $version, $uscc, $name, $aliases, $regionCode, $capital, $capitalSource, $capitalAsOf,
//         $foundedOn, $staff, $revenue, $tags, $sample, $source, $asOf, $attributes (JSON text), $searchText
// returns: id (no row when the firm is gone, was changed meanwhile or the code is taken)
MATCH (f:Firm {id: $id})
WHERE coalesce(f.version, 1) = $version
OPTIONAL MATCH (x:Firm)
WHERE x.uscc = $uscc AND x.id <> $id
WITH f, count(x) AS clashes
WHERE clashes = 0
SET f.uscc = $uscc, f.name = $name, f.aliases = $aliases, f.regionCode = $regionCode, f.capital = $capital,
    f.capitalSource = $capitalSource, f.capitalAsOf = $capitalAsOf,
    f.foundedOn = $foundedOn, f.staff = $staff, f.revenue = $revenue, f.tags = $tags, f.sample = $sample,
    f.source = $source, f.asOf = $asOf, f.attributes = $attributes, f.searchText = $searchText,
    f.version = $version + 1
RETURN f.id AS id
