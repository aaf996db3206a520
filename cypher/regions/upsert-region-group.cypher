// params: $id, $name, $kind, $regionCodes, $chainIds, $description, $source   returns: nothing
MERGE (g:RegionGroup {id: $id})
SET g.name = $name, g.kind = $kind, g.regionCodes = $regionCodes, g.chainIds = $chainIds,
    g.description = $description, g.source = $source
