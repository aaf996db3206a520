// A list without its entries (delete those first with lists/delete-entry).
// params: $id   returns: nothing
MATCH (l:TargetList {id: $id})
DETACH DELETE l
