// An imported firm that already exists: its facts change (and its version moves on), its links stay.
// A capital figure the file confirms keeps its own source and year; a new one is the file's
// (no source of its own: the firm's source, which becomes the import's).
// params: $id, $uscc, $name, $aliases, $regionCode, $capital, $foundedOn, $staff, $revenue, $tags,
//         $source, $asOf, $attributes, $searchText
// returns: nothing
MATCH (f:Firm {id: $id})
WITH f, coalesce(f.capital = $capital, false) AS sameCapital
SET f.capitalSource = CASE WHEN sameCapital THEN f.capitalSource ELSE NULL END,
    f.capitalAsOf = CASE WHEN sameCapital THEN f.capitalAsOf ELSE NULL END,
    f.uscc = $uscc, f.name = $name, f.aliases = $aliases, f.regionCode = $regionCode, f.capital = $capital,
    f.foundedOn = $foundedOn, f.staff = $staff, f.revenue = $revenue, f.tags = $tags, f.source = $source,
    f.asOf = $asOf, f.attributes = $attributes, f.searchText = $searchText,
    f.version = coalesce(f.version, 0) + 1
