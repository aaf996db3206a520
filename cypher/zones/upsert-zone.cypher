// params: $id, $name, $shortName, $countyCode, $description, $source   returns: nothing
MERGE (z:Zone {id: $id})
SET z.name = $name, z.shortName = $shortName, z.countyCode = $countyCode,
    z.description = $description, z.source = $source
