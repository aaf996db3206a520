// params: $zoneId   returns: firmCount, projectCount
MATCH (z:Zone {id: $zoneId})
RETURN COUNT { MATCH (z)<-[:LOCATED_IN]-(:Firm) } AS firmCount,
       COUNT { MATCH (z)<-[:SITED_IN]-(:Project) } AS projectCount
