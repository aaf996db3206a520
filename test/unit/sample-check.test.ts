/**
 * The sample check refuses each kind of error: every test copies the real sample, breaks
 * one thing and expects readSample() to name it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readSample, SAMPLE_DIR, SampleDataError } from "../../seed/sample.js";
import type { ChainEntry } from "../../seed/sample-schema.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the sample with one file changed by `edit`. */
function brokenSample<T>(file: string, edit: (data: T) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sample-"));
  dirs.push(dir);
  cpSync(SAMPLE_DIR, dir, { recursive: true });
  const data = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as T;
  edit(data);
  writeFileSync(path.join(dir, file), JSON.stringify(data, null, 2));
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    readSample(dir);
  } catch (error) {
    if (error instanceof SampleDataError) return error.problems;
    throw error;
  }
  return [];
}

const segment = (chains: ChainEntry[], id: string) => chains.flatMap((c) => c.segments).find((s) => s.id === id)!;

describe("the sample check", () => {
  it("passes the sample as it is", () => {
    expect(problemsOf(SAMPLE_DIR)).toEqual([]);
  });

  describe("chains", () => {
    it("refuses an industry code that is not a GB/T 4754-2017 class", () => {
      const dir = brokenSample<ChainEntry[]>("chains.json", (chains) => {
        segment(chains, "steel-coke").industryCodes = ["C252"];
        segment(chains, "steel-iron-ore").industryCodes = ["B0800"];
      });
      const problems = problemsOf(dir);
      expect(problems).toContainEqual(expect.stringMatching(/steel-coke: industry code C252 is not a GB\/T 4754-2017 class/));
      expect(problems).toContainEqual(expect.stringMatching(/steel-iron-ore: industry code B0800 is not/));
    });

    it("refuses an industry code with the wrong 门类 letter", () => {
      const dir = brokenSample<ChainEntry[]>("chains.json", (chains) => {
        segment(chains, "steel-coke").industryCodes = ["D2521"];
      });
      expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/steel-coke: industry code D2521 belongs to 门类 C/));
    });

    it("refuses a generic word or a single character as a keyword", () => {
      const dir = brokenSample<ChainEntry[]>("chains.json", (chains) => {
        segment(chains, "steel-logistics-finance").keywords.push("物流");
        segment(chains, "semiconductor-ga").keywords.push("镓");
      });
      const problems = problemsOf(dir);
      expect(problems).toContainEqual(expect.stringMatching(/steel-logistics-finance: keyword "物流" is a generic word/));
      expect(problems).toContainEqual(expect.stringMatching(/semiconductor-ga: keyword "镓" is a single character/));
    });

    it("refuses a chain without a note on its scope", () => {
      const dir = brokenSample<ChainEntry[]>("chains.json", (chains) => {
        delete (chains[0] as Partial<ChainEntry>).scope;
        chains[1]!.scope.leavesOut = "";
      });
      const problems = problemsOf(dir);
      expect(problems).toContainEqual(expect.stringMatching(/^chains\.json at 0\.scope:/));
      expect(problems).toContainEqual(expect.stringMatching(/^chains\.json at 1\.scope\.leavesOut:/));
    });
  });
});
