// A new firm at version 1; no row when its id or its 统一社会信用代码 is taken (checked
// inside the write, so two people creating the same firm at once cannot both succeed).
// Its zone is the LOCATED_IN link (firms/set-zone).
// params: $id, $uscc, $name, $aliases, $regionCode, $capital, $capitalSource, $capitalAsOf, $foundedOn,
//         $staff, $revenue, $tags, $sample, $source, $asOf, $attributes (JSON text), $searchText
// returns: id
OPTIONAL MATCH (x:Firm)
WHERE x.id = $id OR x.uscc = $uscc
WITH count(x) AS clashes
WHERE clashes = 0
CREATE (f:Firm {id: $id, uscc: $uscc, name: $name, aliases: $aliases, regionCode: $regionCode, capital: $capital,
                capitalSource: $capitalSource, capitalAsOf: $capitalAsOf,
                foundedOn: $foundedOn, staff: $staff, revenue: $revenue, tags: $tags, sample: $sample, source: $source,
                asOf: $asOf, attributes: $attributes, searchText: $searchText, version: 1})
RETURN f.id AS id
