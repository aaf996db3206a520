/**
 * The sample check refuses each kind of error: every test copies the real sample, breaks
 * one thing and expects readSample() to name it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readSample, SAMPLE_DIR, SampleDataError } from "../../seed/sample.js";
import type { ChainEntry, DocumentMentions, FirmEntry, ZoneEntry } from "../../seed/sample-schema.js";

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

  describe("firms", () => {
    it("refuses the same firm twice: by core name, by alias, by 统一社会信用代码", () => {
      const dir = brokenSample<FirmEntry[]>("firms-pool.json", (firms) => {
        const tangsteel = firms.find((f) => f.id === "hbis-tangsteel")!;
        firms.push({ ...tangsteel, id: "tongmei-again", name: "通美晶体技术（北京）有限公司", aliases: [] });
        firms.push({ ...tangsteel, id: "tangsteel-alias", name: "某某公司", aliases: ["河钢唐钢"] });
        firms[1]!.uscc = firms[2]!.uscc = "91130200104745541C";
      });
      const problems = problemsOf(dir);
      expect(problems).toContainEqual(expect.stringMatching(/firms beijing-tongmei and tongmei-again: share the core name 通美晶体技术/));
      expect(problems).toContainEqual(expect.stringMatching(/firms hbis-tangsteel and tangsteel-alias: share the name or alias 河钢唐钢/));
      expect(problems).toContainEqual(expect.stringMatching(/share the 统一社会信用代码 91130200104745541C/));
    });

    it("accepts a subsidiary that carries its group's name, and refuses a parent that is not a firm or a loop", () => {
      const dir = brokenSample<FirmEntry[]>("firms-pool.json", (firms) => {
        firms.find((f) => f.id === "cnbm-group")!.parent = { firmId: "nobody", kind: "subsidiary", source: "t" };
        firms.find((f) => f.id === "sanan-opto")!.parent = { firmId: "tianjin-sanan", kind: "branch", source: "t" };
      });
      const problems = problemsOf(dir);
      expect(problems).toContainEqual("firm cnbm-group: its parent nobody is not a firm of the sample");
      expect(problems).toContainEqual(expect.stringMatching(/firm sanan-opto: is its own parent through sanan-opto → tianjin-sanan/));
      expect(problems.filter((p) => /share the/.test(p))).toEqual([]);
    });
  });

  describe("document mentions", () => {
    it("refuses a name the document does not hold, a firm in another zone, and a record that is not in the sample", () => {
      const dir = brokenSample<DocumentMentions>("document-mentions.json", (m) => {
        const doc = m["001_642bc7a68ccb0aa6.txt"]!;
        doc.firms.push({ text: "凌源不存在公司", firmId: "lingang-group", zoneId: "lingyuan" });
        doc.firms.find((f) => f.firmId === "xuyang-coking")!.zoneId = "beipiao";
        doc.projects.push({ text: "炜盛玻纤三期", projectId: "p-missing" });
      });
      const problems = problemsOf(dir);
      expect(problems).toContainEqual(expect.stringMatching(/"凌源不存在公司" \(firms\) does not occur in the document/));
      expect(problems).toContainEqual(expect.stringMatching(/firm "旭阳凌源" \(xuyang-coking\) is in zone lingyuan, the document puts it in beipiao/));
      expect(problems).toContainEqual(expect.stringMatching(/project "炜盛玻纤三期" resolves to p-missing, which is not in the sample/));
    });

    it("refuses a firm or project from a document that the document's mentions leave out", () => {
      const dir = brokenSample<DocumentMentions>("document-mentions.json", (m) => {
        const doc = m["002_4b8273e89b38a773.txt"]!;
        doc.firms = doc.firms.filter((f) => f.firmId !== "beixin-metal");
        doc.projects = doc.projects.filter((p) => p.projectId !== "p-liucheng-beixin");
      });
      const problems = problemsOf(dir);
      expect(problems).toContainEqual("firm beixin-metal: its source 002_4b8273e89b38a773.txt is not listed as naming it in document-mentions.json");
      expect(problems).toContainEqual("project p-liucheng-beixin: its source 002_4b8273e89b38a773.txt is not listed as naming it in document-mentions.json");
    });

    it("refuses a leader no document calls one", () => {
      const dir = brokenSample<ZoneEntry[]>("zones.json", (zones) => {
        const kazuo = zones.find((z) => z.id === "kazuo")!;
        kazuo.leaders.push({ chainId: "equipment", firmId: "feima-vehicle", source: "003_201a132a17332222.txt" });
        kazuo.leaders.push({ chainId: "electronics", firmId: "xindi-traffic", source: "public information" });
      });
      const problems = problemsOf(dir);
      expect(problems).toContainEqual(expect.stringMatching(/zone kazuo leader feima-vehicle: 003_201a132a17332222.txt is not listed as calling it the equipment leader/));
      expect(problems).toContainEqual(expect.stringMatching(/zone kazuo leader xindi-traffic: a leader needs a document that calls it one/));
    });
  });
});
