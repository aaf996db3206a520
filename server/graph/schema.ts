/**
 * The graph's tables, read from the Kùzu schema file — the one place they are declared.
 * Bulk loads, backups and restores work from this description on both engines, so a new
 * table or property needs no code of its own here.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type ColumnType = "string" | "number" | "integer" | "boolean" | "string[]";

export interface NodeTable {
  kind: "node";
  name: string;
  /** The primary key property. */
  key: string;
  columns: [name: string, type: ColumnType][];
}

export interface RelTable {
  kind: "rel";
  name: string;
  from: string;
  to: string;
  columns: [name: string, type: ColumnType][];
}

export type Table = NodeTable | RelTable;

const TYPES: Record<string, ColumnType> = { STRING: "string", DOUBLE: "number", INT64: "integer", BOOLEAN: "boolean", "STRING[]": "string[]" };

export function parseSchema(ddl: string): Table[] {
  const tables: Table[] = [];
  for (const match of ddl.matchAll(/CREATE (NODE|REL) TABLE IF NOT EXISTS (\w+)\(([^;]*)\);/g)) {
    const [, kind, name, body] = match;
    const parts = body!.split(",").map((p) => p.trim());
    if (kind === "NODE") {
      const columns = parts.map((p) => {
        const [column, type] = p.split(/\s+/);
        if (!TYPES[type!]) throw new Error(`Unknown column type ${type} in ${name}`);
        return [column!, TYPES[type!]!] as [string, ColumnType];
      });
      const keyPart = parts.find((p) => p.endsWith("PRIMARY KEY"));
      if (!keyPart) throw new Error(`Node table ${name} has no primary key`);
      tables.push({ kind: "node", name: name!, key: keyPart.split(/\s+/)[0]!, columns });
    } else {
      const [ends, ...rest] = parts;
      const endsMatch = /^FROM (\w+) TO (\w+)$/.exec(ends!);
      if (!endsMatch) throw new Error(`Relationship table ${name} must join one pair of tables`);
      const columns = rest.map((p) => {
        const [column, type] = p.split(/\s+/);
        if (!TYPES[type!]) throw new Error(`Unknown column type ${type} in ${name}`);
        return [column!, TYPES[type!]!] as [string, ColumnType];
      });
      tables.push({ kind: "rel", name: name!, from: endsMatch[1]!, to: endsMatch[2]!, columns });
    }
  }
  return tables;
}

export const TABLES: readonly Table[] = parseSchema(
  readFileSync(fileURLToPath(new URL("../../cypher/schema/create-schema.kuzu.cypher", import.meta.url)), "utf8"),
);
const byName = new Map(TABLES.map((t) => [t.name, t]));

/** The table of that name; throws for any other name (table names are never taken from input). */
export function table(name: string): Table {
  const found = byName.get(name);
  if (!found) throw new Error(`Not a table of this graph: ${name}`);
  return found;
}

export function nodeTable(name: string): NodeTable {
  const t = table(name);
  if (t.kind !== "node") throw new Error(`${name} is a relationship table`);
  return t;
}

/** A query reading every row of a table, in staged-column form; names come from the schema only. */
export function scanStatement(t: Table): string {
  if (t.kind === "node") return `MATCH (n:${t.name}) RETURN ${t.columns.map(([c]) => `n.${c} AS ${c}`).join(", ")}`;
  const from = nodeTable(t.from);
  const to = nodeTable(t.to);
  const columns = [`a.${from.key} AS \`from\``, `b.${to.key} AS \`to\``, ...t.columns.map(([c]) => `r.${c} AS ${c}`)];
  return `MATCH (a:${from.name})-[r:${t.name}]->(b:${to.name}) RETURN ${columns.join(", ")}`;
}

/**
 * What a backup holds of each row of a table (services/backup.ts): the staged columns, in
 * order, with an empty text as null (a bulk load cannot tell them apart), a missing list
 * as an empty one (Kùzu reads an empty list written with parameters back as null) and a
 * number JSON cannot write (NaN, an infinity) as null, as JSON.stringify writes it. Names
 * are quoted: columns such as `by` or `from` are words of Cypher.
 */
function backupColumns(t: Table, emptyList: string): [name: string, expression: string][] {
  const match = t.kind === "node" ? [] : ([["from", `a.\`${nodeTable(t.from).key}\``], ["to", `b.\`${nodeTable(t.to).key}\``]] as [string, string][]);
  const owner = t.kind === "node" ? "n" : "r";
  return [
    ...match,
    ...t.columns.map(([c, type]): [string, string] => {
      const value = `${owner}.\`${c}\``;
      if (type === "string") return [c, `CASE WHEN ${value} = '' THEN NULL ELSE ${value} END`];
      if (type === "string[]") return [c, `coalesce(${value}, ${emptyList})`];
      // Not a number or infinite: null, as JSON has no such numbers (Kùzu's to_json would write nothing for the row).
      if (type === "number") return [c, `CASE WHEN ${value} = ${value} AND ${value} - ${value} = 0 THEN ${value} ELSE NULL END`];
      return [c, value];
    }),
  ];
}

const matchAll = (t: Table) => (t.kind === "node" ? `MATCH (n:${t.name})` : `MATCH (a:${t.from})-[r:${t.name}]->(b:${t.to})`);

/** Neo4j: every row of a table as a backup holds it, one column per staged column. */
export function backupStatement(t: Table): string {
  return `${matchAll(t)} RETURN ${backupColumns(t, "[]").map(([c, e]) => `${e} AS \`${c}\``).join(", ")}`;
}

/**
 * Kùzu: every row of a table as a backup line, {"table":…,"row":{…}}, written by Kùzu's own
 * JSON writer — decimals in their shortest exact form, as JavaScript writes them.
 */
export function backupLineStatement(t: Table): string {
  const row = backupColumns(t, "CAST([] AS STRING[])").map(([c, e]) => `\`${c}\`: ${e}`);
  return `${matchAll(t)} RETURN to_json({\`table\`: '${t.name}', \`row\`: {${row.join(", ")}}}) AS line`;
}

/** A query counting the rows of a table (column `count`); names come from the schema only. */
export function countStatement(t: Table): string {
  if (t.kind === "node") return `MATCH (n:${t.name}) RETURN count(n) AS count`;
  return `MATCH (:${t.from})-[r:${t.name}]->(:${t.to}) RETURN count(r) AS count`;
}

/**
 * A statement writing one row of a table from parameters named after its staged columns
 * (bulk rows a CSV file cannot carry); names come from the schema only.
 */
export function insertStatement(t: Table): string {
  const properties = t.columns.length ? ` {${t.columns.map(([c]) => `${c}: $${c}`).join(", ")}}` : "";
  if (t.kind === "node") return `CREATE (n:${t.name}${properties})`;
  const from = nodeTable(t.from);
  const to = nodeTable(t.to);
  return `MATCH (a:${from.name} {${from.key}: $from}), (b:${to.name} {${to.key}: $to}) CREATE (a)-[:${t.name}${properties}]->(b)`;
}

/** The columns of a table as staged in CSV: a relationship's first two are its ends' keys. */
export function stagedColumns(t: Table): [string, ColumnType][] {
  return t.kind === "node" ? t.columns : [["from", "string"], ["to", "string"], ...t.columns];
}
