// The fields an import compares, of every firm: read once when a file names many firms
// the graph holds (one scan is then cheaper than a lookup per firm).
// params: none
// returns: id, uscc, name, aliases, regionCode, capital, capitalAmount, capitalCurrency, foundedOn, staff, revenue, tags, attributes, standing
MATCH (f:Firm)
RETURN f.id AS id, f.uscc AS uscc, f.name AS name, f.aliases AS aliases, f.regionCode AS regionCode,
       f.capital AS capital, f.capitalAmount AS capitalAmount, f.capitalCurrency AS capitalCurrency, f.foundedOn AS foundedOn, f.staff AS staff, f.revenue AS revenue,
       f.tags AS tags, f.attributes AS attributes, f.standing AS standing
