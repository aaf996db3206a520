// Kùzu runs one write at a time (kuzu-store's writer queue), so no lock is needed; and
// none may be written: a transaction that updated a row and is then rolled back (the
// guard after the lock failed) makes Kùzu 0.11.3 refuse the next write's update of the
// graph version with "Write-write conflict of updating the same row".
// params: $key, $at   returns: key
RETURN $key AS key, $at AS at
