// Removes the placement pages kept for an import id (before a run under the same id keeps its own).
// params: $importId   returns: nothing
MATCH (p:ImportPlacementPage)
WHERE p.importId = $importId
DELETE p
