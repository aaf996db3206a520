// Kùzu schema: node and relationship tables (Kùzu requires them before any write).
// IF NOT EXISTS makes every start idempotent. Dates are ISO text (see docs/decisions/002).
CREATE NODE TABLE IF NOT EXISTS Region(code STRING PRIMARY KEY, name STRING, level STRING, parentCode STRING);
CREATE NODE TABLE IF NOT EXISTS RegionGroup(id STRING PRIMARY KEY, name STRING, kind STRING, regionCodes STRING[], chainIds STRING[], description STRING, source STRING);
CREATE NODE TABLE IF NOT EXISTS Zone(id STRING PRIMARY KEY, name STRING, shortName STRING, countyCode STRING, description STRING, source STRING);
CREATE NODE TABLE IF NOT EXISTS Chain(id STRING PRIMARY KEY, name STRING, nameEn STRING, description STRING, source STRING, searchText STRING);
CREATE NODE TABLE IF NOT EXISTS Segment(id STRING PRIMARY KEY, name STRING, stage STRING, position INT64, industryCodes STRING[], keywords STRING[], description STRING, source STRING, searchText STRING);
CREATE NODE TABLE IF NOT EXISTS Firm(id STRING PRIMARY KEY, uscc STRING, name STRING, aliases STRING[], regionCode STRING, capital DOUBLE, foundedOn STRING, staff INT64, revenue DOUBLE, tags STRING[], sample BOOLEAN, source STRING, searchText STRING);
CREATE NODE TABLE IF NOT EXISTS Project(id STRING PRIMARY KEY, name STRING, investment DOUBLE, status STRING, statusOn STRING, description STRING, source STRING);
CREATE REL TABLE IF NOT EXISTS PART_OF(FROM Segment TO Chain);
CREATE REL TABLE IF NOT EXISTS LOCATED_IN(FROM Firm TO Zone);
CREATE REL TABLE IF NOT EXISTS SITED_IN(FROM Project TO Zone);
CREATE REL TABLE IF NOT EXISTS FEEDS(FROM Segment TO Segment, source STRING);
CREATE REL TABLE IF NOT EXISTS HAS_CHAIN(FROM Zone TO Chain, rank INT64);
CREATE REL TABLE IF NOT EXISTS OPERATES_IN(FROM Firm TO Segment, products STRING, capacity STRING, confidence DOUBLE, source STRING);
CREATE REL TABLE IF NOT EXISTS LEADS(FROM Firm TO Chain, zoneId STRING, source STRING);
CREATE REL TABLE IF NOT EXISTS SUPPLIES(FROM Firm TO Firm, product STRING, source STRING);
CREATE REL TABLE IF NOT EXISTS INVESTS(FROM Firm TO Project);
CREATE REL TABLE IF NOT EXISTS BUILDS(FROM Project TO Segment);
