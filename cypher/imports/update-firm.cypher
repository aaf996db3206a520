// An imported firm that already exists: its facts change (and its version moves on), its links stay.
// params: $id, $uscc, $name, $aliases, $regionCode, $capital, $capitalAmount, $capitalCurrency, $foundedOn, $staff, $revenue, $tags,
//         $source, $asOf, $attributes, $searchText
// returns: nothing
MATCH (f:Firm {id: $id})
SET f.uscc = $uscc, f.name = $name, f.aliases = $aliases, f.regionCode = $regionCode, f.capital = $capital,
    f.capitalAmount = $capitalAmount, f.capitalCurrency = $capitalCurrency, f.foundedOn = $foundedOn, f.staff = $staff, f.revenue = $revenue, f.tags = $tags, f.source = $source,
    f.asOf = $asOf, f.attributes = $attributes, f.searchText = $searchText,
    f.version = coalesce(f.version, 0) + 1
