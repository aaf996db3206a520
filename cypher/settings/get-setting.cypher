// A setting's JSON text by key.
// params: $key   returns: value
MATCH (s:Setting {key: $key})
RETURN s.value AS value
