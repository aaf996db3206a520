// A firm's own properties; its zone is the LOCATED_IN link (firms/set-zone). A new firm
// starts at version 1; writing an existing one moves it on, so stale edits are refused.
// params: $id, $uscc, $name, $aliases, $regionCode, $capital, $capitalSource, $capitalAsOf, $foundedOn,
//         $staff, $revenue, $tags, $sample, $source, $asOf, $attributes (JSON text), $searchText
// returns: nothing
MERGE (f:Firm {id: $id})
SET f.uscc = $uscc, f.name = $name, f.aliases = $aliases, f.regionCode = $regionCode,
    f.capital = $capital, f.capitalSource = $capitalSource, f.capitalAsOf = $capitalAsOf,
    f.foundedOn = $foundedOn, f.staff = $staff, f.revenue = $revenue,
    f.tags = $tags, f.sample = $sample, f.source = $source, f.asOf = $asOf, f.attributes = $attributes, f.searchText = $searchText,
    f.version = coalesce(f.version, 0) + 1
