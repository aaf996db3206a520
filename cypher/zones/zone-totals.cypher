// params: $zoneId   returns: firmCount, projectCount
MATCH (z:Zone {id: $zoneId})
OPTIONAL MATCH (f:Firm)
WHERE f.zoneId = z.id
WITH z, count(f) AS firmCount
OPTIONAL MATCH (p:Project)
WHERE p.zoneId = z.id
RETURN firmCount, count(p) AS projectCount
