/**
 * Modules depend one way: no file reaches itself through its imports (type-only ones
 * included — a cycle of types is still two modules that cannot be understood apart).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The file a relative specifier names: `./x.js` is `./x.ts`, `./X` is `./X.tsx` or `./X/index.ts`. */
function resolve(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier.replace(/\.js$/, ""));
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) if (existsSync(candidate)) return candidate;
  return null;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = Array.from(text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"(\.[^"]+)"/gms), (m) => m[1]!);
  return specifiers.map((s) => resolve(file, s)).filter((f): f is string => f !== null);
}

/** Every cycle found by a depth-first walk, each as the files along it. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe("module imports", () => {
  it("finds a cycle when there is one", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(findCycles(graph)).toEqual([["a", "b", "c", "a"]]);
    expect(findCycles(new Map([["a", ["b"]], ["b", []]]))).toEqual([]);
  });

  for (const part of ["server", "client/src", "seed"])
    it(`form no cycle in ${part}`, () => {
      const files = sourceFiles(path.join(ROOT, part));
      const graph = new Map(files.map((f) => [f, importsOf(f)]));
      const cycles = findCycles(graph).map((cycle) => cycle.map((f) => path.relative(ROOT, f)).join(" → "));
      expect(cycles).toEqual([]);
    });
});
