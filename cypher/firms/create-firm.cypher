// A new firm at version 1; no row when its id is taken (checked inside the write, so two
// people creating the same firm at once cannot both succeed). Its 统一社会信用代码 is taken in
// the same write by firms/claim-code, which refuses a code another firm holds; its zone
// is the LOCATED_IN link (firms/set-zone).
// params: $id, $uscc, $name, $aliases, $regionCode, $capital, $capitalSource, $capitalAsOf, $capitalAmount,
//         $capitalCurrency, $foundedOn, $staff, $revenue, $tags, $sample, $source, $asOf,
//         $attributes (JSON text), $searchText
// returns: id
OPTIONAL MATCH (x:Firm {id: $id})
WITH count(x) AS taken
WHERE taken = 0
CREATE (f:Firm {id: $id, uscc: $uscc, name: $name, aliases: $aliases, regionCode: $regionCode, capital: $capital,
                capitalSource: $capitalSource, capitalAsOf: $capitalAsOf,
                capitalAmount: $capitalAmount, capitalCurrency: $capitalCurrency,
                foundedOn: $foundedOn, staff: $staff, revenue: $revenue, tags: $tags, sample: $sample, source: $source,
                asOf: $asOf, attributes: $attributes, searchText: $searchText, version: 1})
RETURN f.id AS id
