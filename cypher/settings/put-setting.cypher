// params: $key, $value (JSON text)   returns: nothing
MERGE (s:Setting {key: $key})
SET s.value = $value
