// What a write to one firm may change in kept answers (services/write-reach.ts), one row
// per mark: the firm itself ('firm': no row when it is gone); the zones ('zone') it is
// located in, of the firms it has supply ties or group links with (a leader's outside
// suppliers, ties, parents show on those zones' answers), of the chains it leads, of its
// projects and of the lists naming it; the chains ('chain') it operates in, and those its
// group's firms operate in (a ranking names a branch's parent). Each part starts from the
// firm's key: Kùzu walks its links instead of scanning a table.
// params: $id
// returns: kind, id
MATCH (f:Firm {id: $id}) RETURN 'firm' AS kind, f.id AS id
UNION MATCH (:Firm {id: $id})-[:LOCATED_IN]->(z:Zone) RETURN 'zone' AS kind, z.id AS id
UNION MATCH (:Firm {id: $id})-[:OPERATES_IN]->(:Segment)-[:PART_OF]->(c:Chain) RETURN 'chain' AS kind, c.id AS id
UNION MATCH (:Firm {id: $id})-[:SUPPLIES]->(:Firm)-[:LOCATED_IN]->(z:Zone) RETURN 'zone' AS kind, z.id AS id
UNION MATCH (:Firm {id: $id})<-[:SUPPLIES]-(:Firm)-[:LOCATED_IN]->(z:Zone) RETURN 'zone' AS kind, z.id AS id
UNION MATCH (:Firm {id: $id})-[:BELONGS_TO]->(:Firm)-[:LOCATED_IN]->(z:Zone) RETURN 'zone' AS kind, z.id AS id
UNION MATCH (:Firm {id: $id})<-[:BELONGS_TO]-(:Firm)-[:LOCATED_IN]->(z:Zone) RETURN 'zone' AS kind, z.id AS id
UNION MATCH (:Firm {id: $id})-[:BELONGS_TO]->(:Firm)-[:OPERATES_IN]->(:Segment)-[:PART_OF]->(c:Chain) RETURN 'chain' AS kind, c.id AS id
UNION MATCH (:Firm {id: $id})<-[:BELONGS_TO]-(:Firm)-[:OPERATES_IN]->(:Segment)-[:PART_OF]->(c:Chain) RETURN 'chain' AS kind, c.id AS id
UNION MATCH (:Firm {id: $id})-[l:LEADS]->(:Chain) RETURN 'zone' AS kind, l.zoneId AS id
UNION MATCH (:Firm {id: $id})-[:INVESTS]->(:Project)-[:SITED_IN]->(z:Zone) RETURN 'zone' AS kind, z.id AS id
UNION MATCH (:Firm {id: $id})<-[:TARGETS]-(:ListEntry)-[:IN_LIST]->(l:TargetList) RETURN 'zone' AS kind, l.zoneId AS id
