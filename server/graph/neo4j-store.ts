/**
 * Neo4j engine, for teams and for scale (a cluster behind a neo4j:// routing URI).
 * Everything leaving it is converted to plain JS, and every parameter to the types Neo4j
 * needs (neo4j-values.ts).
 */
import { parse } from "csv-parse";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { bindParams, cypherQuery, cypherStatements, type CypherQuery } from "./cypher-files.js";
import type { BulkLoad, ExportedTable, GraphStore, Params, Row, StagedFile, WriteOptions, WriteStep } from "./store.js";
import { CommitLog, loadedTables, PreconditionFailed, StoreError, versionStep } from "./store.js";
import { parseField } from "./bulk.js";
import { backupStatement, countStatement, nodeTable, scanStatement, stagedColumns, table, type Table } from "./schema.js";
import { neo4jParams, plainValue } from "./neo4j-values.js";

export interface Neo4jOptions {
  uri: string;
  username: string;
  password: string;
  database?: string;
}

export class Neo4jStore implements GraphStore {
  readonly engine = "neo4j" as const;
  readonly commits = new CommitLog(false);

  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
  ) {}

  static async open(options: Neo4jOptions): Promise<Neo4jStore> {
    const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.username, options.password), {
      disableLosslessIntegers: false,
    });
    try {
      await driver.verifyConnectivity({ database: options.database });
    } catch (error) {
      await driver.close();
      throw new StoreError(`Cannot reach Neo4j at ${options.uri}: ${(error as Error).message}`, { cause: error });
    }
    return new Neo4jStore(driver, options.database);
  }

  async read(query: string, params: Params = {}): Promise<Row[]> {
    const cypher = cypherQuery(query, this.engine);
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => run(tx, cypher, params));
    } finally {
      await session.close();
    }
  }

  write(steps: WriteStep[], options: WriteOptions = {}): Promise<void> {
    return this.load({ before: steps, files: [], after: [] }, options);
  }

  async load({ before, files, after }: BulkLoad, options: WriteOptions = {}): Promise<void> {
    const runSteps = async (tx: ManagedTransaction, steps: WriteStep[]) => {
      for (const step of steps) {
        const cypher = cypherQuery(step.query, this.engine);
        for (const row of step.rows) {
          const result = await run(tx, cypher, row).catch((error: unknown) => {
            // Two guarded creates at once both pass their check; the key's uniqueness
            // constraint refuses the second, which is the same failed precondition.
            if (step.mustMatch && (error as { code?: string }).code === "Neo.ClientError.Schema.ConstraintValidationFailed") throw new PreconditionFailed(step.query, row);
            throw error;
          });
          if (step.mustMatch && result.length === 0) throw new PreconditionFailed(step.query, row);
        }
      }
    };
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    const version = options.keepsCaches ? null : versionStep();
    try {
      await session.executeWrite(async (tx) => {
        await runSteps(tx, before);
        for (const file of files) {
          const text = unwindStatement(table(file.table));
          for await (const rows of stagedBatches(file, 5_000)) await tx.run(text, neo4jParams({ rows }));
        }
        await runSteps(tx, version ? [...after, version] : after);
      });
      this.commits.committed(version ? (version.rows[0]!.token as string) : null, [...before, ...after], loadedTables(files));
    } finally {
      await session.close();
    }
  }

  async *scan(tableName: string): AsyncIterable<Row> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      for await (const record of session.run(scanStatement(table(tableName)))) yield plainValue(record.toObject()) as Row;
    } finally {
      await session.close();
    }
  }

  async exportTables(tables: string[], dir: string, onTable?: (table: ExportedTable) => void): Promise<ExportedTable[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    const tx = session.beginTransaction();
    try {
      const exported: ExportedTable[] = [];
      for (const [i, name] of tables.entries()) {
        const t = table(name);
        const file = path.join(dir, `${i}-${t.name}.jsonl`);
        const out = createWriteStream(file, { encoding: "utf8" });
        for await (const record of tx.run(backupStatement(t)))
          if (!out.write(JSON.stringify({ table: t.name, row: plainValue(record.toObject()) }) + "\n")) await once(out, "drain");
        out.end();
        await once(out, "finish");
        const counted = await tx.run(countStatement(t));
        exported.push({ table: t.name, path: file, rows: Number(plainValue(counted.records[0]?.get("count") ?? 0)) });
        onTable?.(exported.at(-1)!);
      }
      return exported;
    } finally {
      await tx.rollback().catch(() => undefined);
      await session.close();
    }
  }

  async count(tableName: string): Promise<number> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(countStatement(table(tableName)));
      return Number(plainValue(result.records[0]?.get("count") ?? 0));
    } finally {
      await session.close();
    }
  }

  async ensureSchema(): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      // Schema statements cannot share a transaction with each other on Neo4j.
      for (const statement of cypherStatements("schema/create-schema", this.engine)) await session.run(statement);
      // Segment links made before their texts were kept apart: moved a batch at a time, each batch whole or not at all.
      let moved = 0;
      for (;;) {
        const result = await session.executeWrite((tx) => tx.run(cypherQuery("schema/move-link-texts", this.engine).text));
        const batch = Number(plainValue(result.records[0]?.get("moved") ?? 0));
        if (batch === 0) break;
        moved += batch;
      }
      if (moved) console.log(`Upgraded Neo4j database ${this.database}: the texts of ${moved} segment links moved from OPERATES_IN to LINK_TEXTS.`);
    } finally {
      await session.close();
    }
  }

  async clear(): Promise<void> {
    await this.write([{ query: "admin/delete-all", rows: [{}] }]);
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

async function run(tx: ManagedTransaction, query: CypherQuery, params: Params): Promise<Row[]> {
  const result = await tx.run(query.text, neo4jParams(bindParams(query, params)));
  return result.records.map((record) => plainValue(record.toObject()) as Row);
}

/**
 * Neo4j's side of a bulk load, for one table: labels, types and property names come from
 * the schema description, never from data; the values travel as $rows.
 */
export function unwindStatement(t: Table): string {
  if (t.kind === "node") return `UNWIND $rows AS r CREATE (n:${t.name}) SET n = r`;
  const from = nodeTable(t.from);
  const to = nodeTable(t.to);
  const properties = t.columns.map(([name]) => `${name}: r.${name}`).join(", ");
  return `UNWIND $rows AS r MATCH (a:${from.name} {${from.key}: r.from}) MATCH (b:${to.name} {${to.key}: r.to}) CREATE (a)-[:${t.name} {${properties}}]->(b)`;
}

/** Reads a staged CSV (and the rows staged apart beside it) back as typed rows, a batch at a time. */
async function* stagedBatches(file: StagedFile, size: number): AsyncGenerator<Params[]> {
  const columns = stagedColumns(table(file.table));
  // Empty fields are nulls, as Kùzu's COPY reads them.
  const parser = createReadStream(file.path).pipe(parse({ columns: true, cast: (value) => (value === "" ? null : value) }));
  let batch: Params[] = [];
  for await (const record of parser as AsyncIterable<Record<string, string | null>>) {
    const row: Params = {};
    for (const [name, type] of columns) {
      const text = record[name];
      row[name] = text === null || text === undefined ? (type === "string[]" ? [] : null) : parseField(type, text);
    }
    batch.push(row);
    if (batch.length >= size) yield batch.splice(0);
  }
  if (file.apart)
    for await (const line of createInterface({ input: createReadStream(file.apart.path, { encoding: "utf8" }), crlfDelay: Infinity })) {
      if (!line) continue;
      const row = JSON.parse(line) as Params;
      for (const [name, type] of columns) if (type === "string[]") row[name] ??= [];
      batch.push(row);
      if (batch.length >= size) yield batch.splice(0);
    }
  if (batch.length) yield batch;
}
