// Moves a graph made before segment links kept their texts apart to today's layout
// (docs/decisions/033-segment-link-texts-apart.md), in one transaction run by the store on
// open when OPERATES_IN still has a `products` column: every link's texts become its
// LINK_TEXTS link (empty in such a graph: nothing writes it before), and OPERATES_IN is
// made again with its numbers only. Dropping the text columns is not enough: Kùzu 0.11.3
// still rewrote them at each checkpoint (2.5 s against 1.0 s for a table made afresh, the
// same 23,035 links, measured).
COPY LINK_TEXTS FROM (
  MATCH (f:Firm)-[o:OPERATES_IN]->(s:Segment)
  RETURN f.id AS fromFirm, f.id AS toFirm, s.id AS segmentId, o.products AS products, o.capacity AS capacity,
         o.source AS source, o.evidence AS evidence
);
CREATE REL TABLE OPERATES_IN_NUMBERS(FROM Firm TO Segment, confidence DOUBLE, version INT64);
COPY OPERATES_IN_NUMBERS FROM (
  MATCH (f:Firm)-[o:OPERATES_IN]->(s:Segment)
  RETURN f.id AS fromFirm, s.id AS toSegment, o.confidence AS confidence, coalesce(o.version, 1) AS version
);
DROP TABLE OPERATES_IN;
ALTER TABLE OPERATES_IN_NUMBERS RENAME TO OPERATES_IN
