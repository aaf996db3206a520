// Neo4j schema: uniqueness constraints (which also index the key) and lookup indexes.
// IF NOT EXISTS makes every start idempotent. Dates are ISO text (see docs/decisions/002).
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (n:Region) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT region_group_id IF NOT EXISTS FOR (n:RegionGroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT zone_id IF NOT EXISTS FOR (n:Zone) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT chain_id IF NOT EXISTS FOR (n:Chain) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT segment_id IF NOT EXISTS FOR (n:Segment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT firm_id IF NOT EXISTS FOR (n:Firm) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT setting_key IF NOT EXISTS FOR (n:Setting) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT document_file_name IF NOT EXISTS FOR (n:Document) REQUIRE n.fileName IS UNIQUE;
CREATE CONSTRAINT scoring_profile_id IF NOT EXISTS FOR (n:ScoringProfile) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT target_list_id IF NOT EXISTS FOR (n:TargetList) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT scenario_id IF NOT EXISTS FOR (n:Scenario) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT list_entry_id IF NOT EXISTS FOR (n:ListEntry) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT status_change_id IF NOT EXISTS FOR (n:StatusChange) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT import_job_id IF NOT EXISTS FOR (n:ImportJob) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT import_placement_page_id IF NOT EXISTS FOR (n:ImportPlacementPage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT review_decision_key IF NOT EXISTS FOR (n:ReviewDecision) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT user_username IF NOT EXISTS FOR (n:User) REQUIRE n.username IS UNIQUE;
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (n:Session) REQUIRE n.id IS UNIQUE;
CREATE INDEX session_username IF NOT EXISTS FOR (n:Session) ON (n.username);
CREATE INDEX region_parent IF NOT EXISTS FOR (n:Region) ON (n.parentCode);
CREATE INDEX firm_uscc IF NOT EXISTS FOR (n:Firm) ON (n.uscc);
CREATE INDEX firm_region IF NOT EXISTS FOR (n:Firm) ON (n.regionCode);
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (n:AuditEntry) ON (n.at);
CREATE TEXT INDEX firm_search_text IF NOT EXISTS FOR (n:Firm) ON (n.searchText);
CREATE TEXT INDEX segment_search_text IF NOT EXISTS FOR (n:Segment) ON (n.searchText);
