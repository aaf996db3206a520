// The search keys of the firms at table offsets [$from, $to), for building the search index.
// params: $from, $to, $blockSize
// returns: block, id, name, aliases, regionCode, sample, standing, searchText
MATCH (f:Firm)
WHERE offset(id(f)) >= $from AND offset(id(f)) < $to
RETURN offset(id(f)) / $blockSize AS block, f.id AS id, f.name AS name, f.aliases AS aliases,
       f.regionCode AS regionCode, f.sample AS sample, f.standing AS standing, f.searchText AS searchText
