// params: $zoneId   returns: firmCount, projectCount, investment (万元)
MATCH (z:Zone {id: $zoneId})
RETURN COUNT { MATCH (f:Firm) WHERE f.zoneId = z.id } AS firmCount,
       COUNT { MATCH (p:Project) WHERE p.zoneId = z.id } AS projectCount
