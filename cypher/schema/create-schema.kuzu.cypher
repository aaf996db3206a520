// Kùzu schema: node and relationship tables (Kùzu requires them before any write).
// IF NOT EXISTS makes every start idempotent. Dates are ISO text (see docs/decisions/002).
CREATE NODE TABLE IF NOT EXISTS Region(code STRING PRIMARY KEY, name STRING, level STRING, parentCode STRING);
CREATE NODE TABLE IF NOT EXISTS RegionGroup(id STRING PRIMARY KEY, name STRING, kind STRING, regionCodes STRING[], chainIds STRING[], description STRING, source STRING);
CREATE NODE TABLE IF NOT EXISTS Zone(id STRING PRIMARY KEY, name STRING, shortName STRING, countyCode STRING, description STRING, source STRING);
CREATE NODE TABLE IF NOT EXISTS Chain(id STRING PRIMARY KEY, name STRING, nameEn STRING, description STRING, source STRING, searchText STRING);
CREATE NODE TABLE IF NOT EXISTS Segment(id STRING PRIMARY KEY, name STRING, stage STRING, position INT64, industryCodes STRING[], keywords STRING[], description STRING, source STRING, searchText STRING, version INT64);
CREATE NODE TABLE IF NOT EXISTS Firm(id STRING PRIMARY KEY, uscc STRING, name STRING, aliases STRING[], regionCode STRING, capital DOUBLE, foundedOn STRING, staff INT64, revenue DOUBLE, tags STRING[], sample BOOLEAN, source STRING, asOf STRING, attributes STRING, searchText STRING, version INT64, capitalSource STRING, capitalAsOf INT64, capitalAmount DOUBLE, capitalCurrency STRING, standing STRING, standingText STRING, standingOn STRING);
// The 统一社会信用代码 held by each firm, keyed by the code: Kùzu has no index but the primary
// key, so a firm write that sets or changes a code looks its holder up here (docs/decisions/024).
CREATE NODE TABLE IF NOT EXISTS FirmCode(uscc STRING PRIMARY KEY, firmId STRING);
CREATE NODE TABLE IF NOT EXISTS Project(id STRING PRIMARY KEY, name STRING, investment DOUBLE, status STRING, statusOn STRING, description STRING, source STRING, version INT64, createdAt STRING, updatedAt STRING);
CREATE NODE TABLE IF NOT EXISTS Setting(key STRING PRIMARY KEY, value STRING);
CREATE NODE TABLE IF NOT EXISTS Document(fileName STRING PRIMARY KEY, title STRING, date STRING, publisher STRING);
CREATE NODE TABLE IF NOT EXISTS ScoringProfile(id STRING PRIMARY KEY, name STRING, definition STRING, updatedAt STRING);
CREATE NODE TABLE IF NOT EXISTS TargetList(id STRING PRIMARY KEY, name STRING, zoneId STRING, chainId STRING, profileId STRING, createdBy STRING, createdAt STRING, note STRING);
// A named 补链模拟: the firms it lands in a zone × chain (re-simulated whenever read).
CREATE NODE TABLE IF NOT EXISTS Scenario(id STRING PRIMARY KEY, zoneId STRING, chainId STRING, name STRING, firmIds STRING[], createdBy STRING, createdAt STRING);
CREATE NODE TABLE IF NOT EXISTS ListEntry(id STRING PRIMARY KEY, status STRING, ownerTeam STRING, notes STRING, nextContactOn STRING, score DOUBLE, reason STRING, projectId STRING, createdAt STRING, updatedAt STRING, version INT64);
CREATE NODE TABLE IF NOT EXISTS StatusChange(id STRING PRIMARY KEY, fromStatus STRING, toStatus STRING, by STRING, at STRING, note STRING);
CREATE NODE TABLE IF NOT EXISTS ImportJob(id STRING PRIMARY KEY, fileName STRING, mode STRING, source STRING, zoneId STRING, status STRING, rowsDone INT64, rowsTotal INT64, createdAt STRING, finishedAt STRING, report STRING, error STRING, heartbeatAt STRING);
CREATE NODE TABLE IF NOT EXISTS ImportPlacementPage(id STRING PRIMARY KEY, importId STRING, kind STRING, page INT64, rows STRING);
CREATE NODE TABLE IF NOT EXISTS ReviewDecision(key STRING PRIMARY KEY, firmId STRING, segmentId STRING, decision STRING, by STRING, at STRING);
CREATE NODE TABLE IF NOT EXISTS User(username STRING PRIMARY KEY, role STRING, passwordHash STRING, disabled BOOLEAN, createdAt STRING, updatedAt STRING, version INT64);
CREATE NODE TABLE IF NOT EXISTS Session(id STRING PRIMARY KEY, username STRING, createdAt STRING, expiresAt STRING);
CREATE NODE TABLE IF NOT EXISTS AuditEntry(id STRING PRIMARY KEY, at STRING, actor STRING, action STRING, entity STRING, entityId STRING, summary STRING, before STRING, after STRING);
// A project's status changes: the day it happened (statusOn), who recorded it and when.
CREATE NODE TABLE IF NOT EXISTS ProjectStatusChange(id STRING PRIMARY KEY, projectId STRING, fromStatus STRING, toStatus STRING, statusOn STRING, by STRING, at STRING, note STRING);
// A zone × chain's figures as they stood at the end of a day (China time); see docs/decisions/017.
CREATE NODE TABLE IF NOT EXISTS ChainSnapshot(id STRING PRIMARY KEY, zoneId STRING, chainId STRING, day STRING, takenAt STRING, completeness DOUBLE, figures STRING);
CREATE REL TABLE IF NOT EXISTS PART_OF(FROM Segment TO Chain);
// A firm belongs to its parent firm: kind "subsidiary" (子公司, its own legal person) or
// "branch" (分公司/分厂/办事处, not one); source: where it is said.
CREATE REL TABLE IF NOT EXISTS BELONGS_TO(FROM Firm TO Firm, kind STRING, source STRING);
CREATE REL TABLE IF NOT EXISTS LOCATED_IN(FROM Firm TO Zone);
CREATE REL TABLE IF NOT EXISTS SITED_IN(FROM Project TO Zone);
CREATE REL TABLE IF NOT EXISTS FEEDS(FROM Segment TO Segment, source STRING);
CREATE REL TABLE IF NOT EXISTS HAS_CHAIN(FROM Zone TO Chain, rank INT64);
// A firm's segment link holds its numbers only; its texts are LINK_TEXTS, a link from the firm
// to itself naming the segment (at most one per link, none read as empty texts). Kùzu
// rewrites a changed region of a relationship table whole, and OPERATES_IN's backward
// direction is keyed by segment: every import touches all of it (docs/decisions/033).
// Graphs made before are moved to this layout on open (schema/move-link-texts).
CREATE REL TABLE IF NOT EXISTS OPERATES_IN(FROM Firm TO Segment, confidence DOUBLE, version INT64);
CREATE REL TABLE IF NOT EXISTS LINK_TEXTS(FROM Firm TO Firm, segmentId STRING, products STRING, capacity STRING, source STRING, evidence STRING);
CREATE REL TABLE IF NOT EXISTS LEADS(FROM Firm TO Chain, zoneId STRING, source STRING);
CREATE REL TABLE IF NOT EXISTS SUPPLIES(FROM Firm TO Firm, product STRING, source STRING);
CREATE REL TABLE IF NOT EXISTS INVESTS(FROM Firm TO Project);
CREATE REL TABLE IF NOT EXISTS BUILDS(FROM Project TO Segment);
CREATE REL TABLE IF NOT EXISTS FLAGS(FROM Zone TO Segment, note STRING, flaggedBy STRING, flaggedAt STRING);
CREATE REL TABLE IF NOT EXISTS IN_LIST(FROM ListEntry TO TargetList);
CREATE REL TABLE IF NOT EXISTS TARGETS(FROM ListEntry TO Firm);
CREATE REL TABLE IF NOT EXISTS FILLS(FROM ListEntry TO Segment);
CREATE REL TABLE IF NOT EXISTS CHANGE_OF(FROM StatusChange TO ListEntry);
CREATE REL TABLE IF NOT EXISTS SUGGESTED(FROM Firm TO Segment, confidence DOUBLE, evidence STRING, importId STRING);
// Graphs made before records had versions: the column is added with every row at version 1
// (a no-op once it exists). New columns go last, where ALTER puts them, so bulk loads see
// the same column order in old and new graphs.
ALTER TABLE Segment ADD IF NOT EXISTS version INT64 DEFAULT 1;
ALTER TABLE Firm ADD IF NOT EXISTS version INT64 DEFAULT 1;
ALTER TABLE OPERATES_IN ADD IF NOT EXISTS version INT64 DEFAULT 1;
ALTER TABLE ImportJob ADD IF NOT EXISTS heartbeatAt STRING;
// A firm's capital figure names its own source and year (graphs made before them: null, the firm's own source).
ALTER TABLE Firm ADD IF NOT EXISTS capitalSource STRING;
ALTER TABLE Firm ADD IF NOT EXISTS capitalAsOf INT64;
// Capital given in another currency: the amount as given and its currency (null: 人民币).
ALTER TABLE Firm ADD IF NOT EXISTS capitalAmount DOUBLE;
ALTER TABLE Firm ADD IF NOT EXISTS capitalCurrency STRING;
// Projects became editable records: a version for guarded edits, and when they were made and changed.
ALTER TABLE Project ADD IF NOT EXISTS version INT64 DEFAULT 1;
ALTER TABLE Project ADD IF NOT EXISTS createdAt STRING;
ALTER TABLE Project ADD IF NOT EXISTS updatedAt STRING;
// A firm's 登记状态 (docs/decisions/042): active, suspended or closed (null: never said, taken as
// active), the text its source wrote and the day it was learnt (graphs made before: null).
ALTER TABLE Firm ADD IF NOT EXISTS standing STRING;
ALTER TABLE Firm ADD IF NOT EXISTS standingText STRING;
ALTER TABLE Firm ADD IF NOT EXISTS standingOn STRING;
