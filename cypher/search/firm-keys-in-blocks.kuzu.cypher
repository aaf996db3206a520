// The search keys of the firms in the given blocks (firm-blocks), to refresh the index.
// params: $blocks, $blockSize
// returns: block, id, name, aliases, regionCode, sample, standing, searchText
MATCH (f:Firm)
WHERE (offset(id(f)) / $blockSize) IN $blocks
RETURN offset(id(f)) / $blockSize AS block, f.id AS id, f.name AS name, f.aliases AS aliases,
       f.regionCode AS regionCode, f.sample AS sample, f.standing AS standing, f.searchText AS searchText
