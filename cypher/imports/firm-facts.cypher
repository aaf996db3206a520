// The fields an import compares, of one firm a file's rows name (looked up by its key),
// to tell updated rows from unchanged ones.
// params: $id
// returns: id, uscc, name, aliases, regionCode, capital, capitalAmount, capitalCurrency, foundedOn, staff, revenue, tags, attributes, standing
MATCH (f:Firm {id: $id})
RETURN f.id AS id, f.uscc AS uscc, f.name AS name, f.aliases AS aliases, f.regionCode AS regionCode,
       f.capital AS capital, f.capitalAmount AS capitalAmount, f.capitalCurrency AS capitalCurrency, f.foundedOn AS foundedOn, f.staff AS staff, f.revenue AS revenue,
       f.tags AS tags, f.attributes AS attributes, f.standing AS standing
