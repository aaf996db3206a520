import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every .ts file under server/. */
function sources(dir = "server"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : full.endsWith(".ts") ? [full] : [];
  });
}

describe("Cypher is built only with parameters", () => {
  it("every store call names a Cypher file with a literal", () => {
    const offenders: string[] = [];
    let checked = 0;
    for (const file of sources()) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/store\.read\(\s*([^,)]+)/g)) {
        checked++;
        const name = m[1]!.trim();
        if (!/^"[a-z0-9/-]+"$/.test(name) && name !== "query") offenders.push(`${file}: store.read(${name})`);
      }
      // Write steps: { query: "…", rows: … }.
      for (const m of text.matchAll(/query:\s*([^,}\n]+),\s*(?:rows|mustMatch)/g)) {
        checked++;
        if (!/^"[a-z0-9/-]+"$/.test(m[1]!.trim())) offenders.push(`${file}: query: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  it("the only statements assembled in code take their names from the schema description", () => {
    // COPY (Kùzu), UNWIND (Neo4j bulk loads) and table scans (backups): table, label and
    // property names come from server/graph/schema.ts, values from $parameters or files the server made.
    const assembling = sources().filter((file) => /`(?:MATCH|CREATE|MERGE|COPY|UNWIND)\b/.test(readFileSync(file, "utf8")));
    expect(assembling.sort()).toEqual(["server/graph/kuzu-store.ts", "server/graph/neo4j-store.ts", "server/graph/schema.ts"]);
  });
});
