// One stored page of an import's placements (rows of one kind, in file order).
// params: $id ("<importId>|<kind>|<page>")
// returns: rows (JSON text: an array of PlacementRow)
MATCH (p:ImportPlacementPage {id: $id})
RETURN p.rows AS rows
