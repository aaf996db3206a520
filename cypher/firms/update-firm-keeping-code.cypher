// Changes a firm that keeps its 统一社会信用代码, only if it is still at $version and still
// holds $uscc (optimistic concurrency). The write cannot give the code to a second firm, so
// unlike firms/update-firm it does not look for another holder (a scan of every firm).
// params: $id, $version, $uscc, $name, $aliases, $regionCode, $capital, $capitalSource, $capitalAsOf,
//         $capitalAmount, $capitalCurrency, $foundedOn, $staff, $revenue, $tags, $sample, $source, $asOf,
//         $attributes (JSON text), $searchText
// returns: id (no row when the firm is gone or was changed meanwhile)
MATCH (f:Firm {id: $id})
WHERE coalesce(f.version, 1) = $version AND coalesce(f.uscc, '') = coalesce($uscc, '')
SET f.uscc = $uscc, f.name = $name, f.aliases = $aliases, f.regionCode = $regionCode, f.capital = $capital,
    f.capitalSource = $capitalSource, f.capitalAsOf = $capitalAsOf,
    f.capitalAmount = $capitalAmount, f.capitalCurrency = $capitalCurrency,
    f.foundedOn = $foundedOn, f.staff = $staff, f.revenue = $revenue, f.tags = $tags, f.sample = $sample,
    f.source = $source, f.asOf = $asOf, f.attributes = $attributes, f.searchText = $searchText,
    f.version = $version + 1
RETURN f.id AS id
