// A firm's 登记状态 (model/standing.ts): what an import row or the firm page says of it, with
// the text its source wrote and the day it was learnt. The firm's version moves on, so an
// edit made against the firm as it was is refused.
// params: $id, $standing, $standingText, $standingOn
// returns: id (no row when the firm is gone)
MATCH (f:Firm {id: $id})
SET f.standing = $standing, f.standingText = $standingText, f.standingOn = $standingOn,
    f.version = coalesce(f.version, 0) + 1
RETURN f.id AS id
