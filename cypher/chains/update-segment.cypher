// Changes a segment only if it is still at $version (optimistic concurrency).
// params: $id, $version, $name, $stage, $position, $industryCodes, $keywords, $description, $source, $searchText
// returns: id (no row when the segment is gone or was changed meanwhile)
MATCH (s:Segment {id: $id})
WHERE coalesce(s.version, 1) = $version
SET s.name = $name, s.stage = $stage, s.position = $position, s.industryCodes = $industryCodes,
    s.keywords = $keywords, s.description = $description, s.source = $source, s.searchText = $searchText,
    s.version = $version + 1
RETURN s.id AS id
