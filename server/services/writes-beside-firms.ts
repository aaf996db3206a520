/**
 * Cypher files that write but touch no firm, no firm's segment link and no link between
 * firms (zone, group, supply, lead): every layer that keeps firms' facts in memory
 * (scoring-facts.ts, link-facts.ts) lets them pass, and adds the firm writes it need not
 * follow itself. Each layer's unit test walks cypher/, so a new write is classified there.
 */
export const WRITES_BESIDE_FIRMS = [
  "accounts/create-session", "accounts/create-user", "accounts/delete-expired-sessions", "accounts/delete-session", "accounts/delete-user-sessions", "accounts/update-user",
  "audit/add-entry",
  // A segment is deleted only when no firm operates in it.
  "chains/create-feeds", "chains/create-segment", "chains/delete-feeds", "chains/delete-segment", "chains/link-feeds", "chains/update-segment", "chains/upsert-chain", "chains/upsert-segment",
  "documents/upsert-document",
  // The key table of codes holds a firm's id, nothing a ranking weighs.
  "firms/claim-code", "firms/release-code", "firms/fill-codes",
  "gaps/delete-flag", "gaps/set-flag",
  "imports/delete-placement-pages", "imports/fail-interrupted", "imports/save-job", "imports/touch-job",
  "lists/add-change", "lists/add-entry", "lists/delete-entry-history", "lists/delete-entry", "lists/delete-list", "lists/update-entry", "lists/upsert-list",
  "profiles/delete-profile", "profiles/put-profile",
  "history/put-snapshot",
  // Projects make a firm won for its zone: each ranking reads them from the graph.
  "projects/add-change", "projects/create-project", "projects/delete-changes", "projects/delete-project", "projects/link-segment", "projects/move-project",
  "projects/set-progress", "projects/unlink-segments", "projects/update-project", "projects/upsert-project",
  "regions/upsert-region-group", "regions/upsert-region",
  "review/delete-suggestion", "review/link-suggested", "review/save-decision",
  "scenarios/delete-scenario", "scenarios/put-scenario",
  "settings/bump-version", "settings/put-setting", "settings/take-lock",
  "zones/link-chain", "zones/upsert-zone",
];

/**
 * The writes of links between firms (zone, group, supply, lead): kept apart from the firms'
 * own facts (link-facts.ts follows them), so the layers that keep a firm's facts or keys let
 * them pass.
 */
export const LINKS_BETWEEN_FIRMS = [
  "firms/create-leads", "firms/link-leads", "firms/unlink-leads", "firms/link-parent", "firms/link-supplies", "firms/set-zone", "firms/unset-zone",
];
