// Changes a firm only if it is still at $version (optimistic concurrency). A new
// 统一社会信用代码 is checked in the same write by the key table (firms/release-code, then
// firms/claim-code, which refuses a code another firm holds).
// params: $id, $version, $uscc, $name, $aliases, $regionCode, $capital, $capitalSource, $capitalAsOf,
//         $capitalAmount, $capitalCurrency, $foundedOn, $staff, $revenue, $tags, $sample, $source, $asOf,
//         $attributes (JSON text), $searchText
// returns: id (no row when the firm is gone or was changed meanwhile)
MATCH (f:Firm {id: $id})
WHERE coalesce(f.version, 1) = $version
SET f.uscc = $uscc, f.name = $name, f.aliases = $aliases, f.regionCode = $regionCode, f.capital = $capital,
    f.capitalSource = $capitalSource, f.capitalAsOf = $capitalAsOf,
    f.capitalAmount = $capitalAmount, f.capitalCurrency = $capitalCurrency,
    f.foundedOn = $foundedOn, f.staff = $staff, f.revenue = $revenue, f.tags = $tags, f.sample = $sample,
    f.source = $source, f.asOf = $asOf, f.attributes = $attributes, f.searchText = $searchText,
    f.version = $version + 1
RETURN f.id AS id
