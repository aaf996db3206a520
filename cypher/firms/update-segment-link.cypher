// Changes an OPERATES_IN link only if it is still at $version.
// params: $firmId, $segmentId, $version, $products, $capacity, $confidence, $source, $evidence
// returns: firmId (no row when the link is gone or was changed meanwhile)
MATCH (f:Firm {id: $firmId})-[r:OPERATES_IN]->(s:Segment {id: $segmentId})
WHERE coalesce(r.version, 1) = $version
SET r.products = $products, r.capacity = $capacity, r.confidence = $confidence, r.source = $source,
    r.evidence = $evidence, r.version = $version + 1
RETURN f.id AS firmId
