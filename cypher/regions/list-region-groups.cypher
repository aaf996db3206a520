// params: none   returns: id, name, kind, regionCodes, chainIds, description, source
MATCH (g:RegionGroup)
RETURN g.id AS id, g.name AS name, g.kind AS kind, g.regionCodes AS regionCodes, g.chainIds AS chainIds,
       g.description AS description, g.source AS source
ORDER BY id
