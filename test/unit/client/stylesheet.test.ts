/**
 * The stylesheet is one flat list of rules (the app writes no nested CSS): a block left
 * open — a brace lost where two changes met — would swallow every rule after it into a
 * selector that matches nothing, silently, since browsers and the build forgive it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import postcss, { type ChildNode } from "postcss";
import { describe, expect, it } from "vitest";

const CLIENT = join(import.meta.dirname, "../../../client/src");

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? stylesheets(join(dir, entry.name)) : entry.name.endsWith(".css") ? [join(dir, entry.name)] : [],
  );
}

/** Rules inside rules: where a block was never closed. */
function nestedRules(nodes: ChildNode[], insideRule: boolean): string[] {
  return nodes.flatMap((node) => {
    if (node.type === "rule") {
      const here = insideRule ? [`${node.selector} (line ${node.source?.start?.line})`] : [];
      return [...here, ...nestedRules(node.nodes, true)];
    }
    if (node.type === "atrule" && node.nodes) return nestedRules(node.nodes, insideRule);
    return [];
  });
}

describe("the stylesheets", () => {
  const files = stylesheets(CLIENT).map((file) => relative(CLIENT, file));

  it("are found", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s closes every block and nests no rule in another", (file) => {
    const root = postcss.parse(readFileSync(join(CLIENT, file), "utf8"), { from: file });
    expect(nestedRules(root.nodes, false)).toEqual([]);
  });
});
