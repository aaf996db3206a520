// Every firm's identity, as an import matches its rows: by 统一社会信用代码, else by name in
// a compatible region. The facts it compares are read only for the firms a file names
// (imports/firm-facts).
// params: none
// returns: id, uscc, name, regionCode
MATCH (f:Firm)
RETURN f.id AS id, f.uscc AS uscc, f.name AS name, f.regionCode AS regionCode
