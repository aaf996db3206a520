import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { FLOAT_PROPERTIES, neo4jParams, plainValue } from "../../server/graph/neo4j-values.js";
import { TABLES } from "../../server/graph/schema.js";
import { StoreError } from "../../server/graph/store.js";

/** Values built with the driver's own types, as a Neo4j server's answers arrive. */
const { int, Date: Neo4jDate, DateTime, LocalDateTime, Time, LocalTime, Duration, Node, Relationship, Path, PathSegment, Point } = neo4j;

describe("values from Neo4j become plain JS", () => {
  it("integers become numbers, exactly, up to ±(2^53 − 1)", () => {
    expect(plainValue(int(42))).toBe(42);
    expect(plainValue(int(-7))).toBe(-7);
    expect(plainValue(int("9007199254740991"))).toBe(Number.MAX_SAFE_INTEGER);
    expect(plainValue(int("-9007199254740991"))).toBe(-Number.MAX_SAFE_INTEGER);
  });

  it("an integer beyond what a number holds exactly is an error, not a neighbouring number", () => {
    expect(() => plainValue(int("9007199254740993"))).toThrow(StoreError);
    expect(() => plainValue(int("9007199254740993"))).toThrow(/9007199254740993/);
    expect(() => plainValue({ rows: [int("-9223372036854775808")] })).toThrow(/-9223372036854775808/);
  });

  it("floats, strings, booleans pass; null and undefined are null", () => {
    expect(plainValue(100.5)).toBe(100.5);
    expect(plainValue(100)).toBe(100);
    expect(plainValue("朝阳")).toBe("朝阳");
    expect(plainValue(false)).toBe(false);
    expect(plainValue(null)).toBeNull();
    expect(plainValue(undefined)).toBeNull();
  });

  it("a date is ISO text, as the app stores dates", () => {
    expect(plainValue(new Neo4jDate(2026, 1, 2))).toBe("2026-01-02");
  });

  it("a date-time is its instant in UTC with milliseconds, whether it came with an offset or a zone", () => {
    expect(plainValue(new DateTime(2026, 1, 2, 3, 4, 5, 123_456_789, 8 * 3600))).toBe("2026-01-01T19:04:05.123Z");
    expect(plainValue(new DateTime(2026, 1, 2, 3, 4, 5, 0, 8 * 3600, "Asia/Shanghai"))).toBe("2026-01-01T19:04:05.000Z");
    expect(plainValue(new DateTime(2026, 7, 1, 0, 0, 0, 0, 0))).toBe("2026-07-01T00:00:00.000Z");
    // Only a value made without its offset has no instant to give; its text still names it.
    expect(plainValue(new DateTime(2026, 1, 2, 3, 4, 5, 0, undefined, "Asia/Shanghai"))).toBe("2026-01-02T03:04:05[Asia/Shanghai]");
  });

  it("local date-times, times and durations are their ISO 8601 text", () => {
    expect(plainValue(new LocalDateTime(2026, 1, 2, 3, 4, 5, 0))).toBe("2026-01-02T03:04:05");
    expect(plainValue(new LocalDateTime(2026, 1, 2, 3, 4, 5, 5_000_000))).toBe("2026-01-02T03:04:05.005000000");
    expect(plainValue(new Time(3, 4, 5, 0, 3600))).toBe("03:04:05+01:00");
    expect(plainValue(new LocalTime(23, 59, 0, 0))).toBe("23:59:00");
    expect(plainValue(new Duration(14, 3, 3600, 0))).toBe("P1Y2M3DT1H");
  });

  const firm = new Node(int(1), ["Firm"], { id: "f1", name: "京东方", staff: int(1200), capital: 3.5, tags: ["龙头"] }, "4:db:1");
  const segment = new Node(int(2), ["Segment"], { id: "s1", position: int(3) }, "4:db:2");
  const chain = new Node(int(3), ["Chain"], { id: "c1" }, "4:db:3");
  const operates = new Relationship(int(10), int(1), int(2), "OPERATES_IN", { confidence: 0.9, version: int(2) }, "5:db:10", "4:db:1", "4:db:2");
  const partOf = new Relationship(int(11), int(2), int(3), "PART_OF", {}, "5:db:11", "4:db:2", "4:db:3");

  it("nodes and relationships become their properties", () => {
    expect(plainValue(firm)).toEqual({ id: "f1", name: "京东方", staff: 1200, capital: 3.5, tags: ["龙头"] });
    expect(plainValue(operates)).toEqual({ confidence: 0.9, version: 2 });
  });

  it("a path becomes its nodes and relationships in order", () => {
    const path = new Path(firm, chain, [new PathSegment(firm, operates, segment), new PathSegment(segment, partOf, chain)]);
    expect(plainValue(path)).toEqual({
      nodes: [plainValue(firm), { id: "s1", position: 3 }, { id: "c1" }],
      relationships: [{ confidence: 0.9, version: 2 }, {}],
    });
  });

  it("lists and maps are converted all the way down; a map is never taken for a node", () => {
    const record = new neo4j.Record(["firm", "counts", "meta"], [firm, [int(1), null, 2.5], { type: "x", properties: { a: int(1) }, when: new Neo4jDate(2026, 3, 4) }]);
    expect(plainValue(record.toObject())).toEqual({
      firm: plainValue(firm),
      counts: [1, null, 2.5],
      meta: { type: "x", properties: { a: 1 }, when: "2026-03-04" },
    });
  });

  it("a value the graph never holds is an error rather than a half-converted object", () => {
    expect(() => plainValue(new Point(int(4326), 116.4, 39.9))).toThrow(/Point/);
  });
});

describe("parameters going to Neo4j", () => {
  it("whole numbers go as integers (LIMIT, SKIP, INT64 properties), others as floats", () => {
    const params = neo4jParams({ limit: 20, skip: 0, version: 3, weight: 0.25, big: 2 ** 60 });
    expect(neo4j.isInt(params.limit) && params.limit.toNumber()).toBe(20);
    expect(neo4j.isInt(params.skip) && params.skip.toNumber()).toBe(0);
    expect(neo4j.isInt(params.version) && params.version.toNumber()).toBe(3);
    expect(params.weight).toBe(0.25);
    // Beyond 2^53 a JS number is no exact integer; it goes as the float it is.
    expect(params.big).toBe(2 ** 60);
  });

  it("properties the schema declares DOUBLE go as floats even when whole, in rows too", () => {
    const params = neo4jParams({ capital: 100, revenue: 0, rows: [{ capital: 20, staff: 20, confidence: 1 }, { capital: 100.5, staff: null, confidence: 0.5 }] });
    expect(params.capital).toBe(100);
    expect(params.revenue).toBe(0);
    const [first, second] = params.rows as Record<string, unknown>[];
    expect(first!.capital).toBe(20);
    expect(first!.confidence).toBe(1);
    expect(neo4j.isInt(first!.staff)).toBe(true);
    expect(second).toEqual({ capital: 100.5, staff: null, confidence: 0.5 });
  });

  it("lists keep their elements' kinds; undefined is null; text and booleans pass", () => {
    const params = neo4jParams({ ids: ["a", "b"], counts: [1, 2.5], missing: undefined, sample: true, nested: { at: undefined } });
    expect(params.ids).toEqual(["a", "b"]);
    const [one, half] = params.counts as unknown[];
    expect(neo4j.isInt(one)).toBe(true);
    expect(half).toBe(2.5);
    expect(params.missing).toBeNull();
    expect(params.sample).toBe(true);
    expect(params.nested).toEqual({ at: null });
  });

  it("a value that is not plain JS is refused, not sent as an empty map", () => {
    expect(() => neo4jParams({ at: new Date("2026-01-02") })).toThrow(/Date/);
  });

  it("every DOUBLE property is sent as a float, and no property name is DOUBLE in one table and INT64 in another", () => {
    const integers = new Set(TABLES.flatMap((t) => t.columns.filter(([, type]) => type === "integer").map(([name]) => name)));
    expect([...FLOAT_PROPERTIES].sort()).toEqual(expect.arrayContaining(["capital", "confidence", "investment", "revenue", "score"]));
    expect([...FLOAT_PROPERTIES].filter((name) => integers.has(name))).toEqual([]);
  });
});
