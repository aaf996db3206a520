import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, AUDIT_ENTITY_LABELS, AUDIT_VERB_LABELS, auditActionLabel } from "../../server/model/audit-actions.js";

const SERVER = fileURLToPath(new URL("../../server/", import.meta.url));
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? files(path.join(dir, f)) : f.endsWith(".ts") ? [path.join(dir, f)] : []));

describe("audit actions", () => {
  it("lists every action the server writes, each with a Chinese record and verb", () => {
    const written = new Set(files(SERVER).flatMap((f) => [...readFileSync(f, "utf8").matchAll(/"([a-z-]+\.(?:[a-z]+))"/g)].map((m) => m[1]!)).filter((a) => /^(segment|feeds|firm|firm-segment|chain-leader|flag|list|list-entry|profile|scenario|setting|review|import|user|session)\./.test(a)));
    for (const action of written) expect(AUDIT_ACTIONS, action).toContain(action);
    for (const action of AUDIT_ACTIONS) {
      const [entity, verb] = action.split(".");
      expect(AUDIT_ENTITY_LABELS[entity!], action).toBeTruthy();
      expect(AUDIT_VERB_LABELS[verb!], action).toBeTruthy();
      expect(auditActionLabel(action)).not.toMatch(/[a-z]/);
    }
    expect(auditActionLabel("firm.update")).toBe("企业 · 修改");
  });
});
