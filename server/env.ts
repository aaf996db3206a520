/** Configuration from the environment, checked once at start-up (fail fast with what to fix). */
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

const Env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    DATA_DIR: z.string().min(1).default("./data"),
    KUZU_BUFFER_POOL_MIB: z.coerce.number().int().min(64).default(1024),
    IMPORT_MAX_MIB: z.coerce.number().int().min(1).max(10_240).default(200),
    /** Free space kept on the embedded graph's disk: writes are refused below it (docs/decisions/038-storage-faults.md). */
    MIN_FREE_DISK_MIB: z.coerce.number().int().min(0).default(256),
    NEO4J_URI: z.string().regex(/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\//, "NEO4J_URI must start with neo4j:// or bolt:// (optionally +s/+ssc)").optional(),
    NEO4J_USERNAME: z.string().default("neo4j"),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z.string().optional(),
    /**
     * Behind a reverse proxy: which proxies to believe about the client's address and
     * scheme (X-Forwarded-For/-Proto), as Express's "trust proxy": a hop count, "loopback",
     * or addresses/subnets separated by commas.
     */
    TRUST_PROXY: z
      .string()
      .refine((v) => /^\d+$/.test(v) || v.split(",").every((item) => isProxyAddress(item.trim())), {
        message: 'TRUST_PROXY must be a hop count (1), "loopback", "linklocal", "uniquelocal", or IP addresses/subnets separated by commas (10.0.0.1, 10.0.0.0/8)',
      })
      .transform((v) => (/^\d+$/.test(v) ? Number(v) : v))
      .optional(),
    /**
     * Origins (scheme://host[:port]) other than the app's own whose pages may send writes,
     * separated by commas; e.g. a second hostname a proxy does not report as X-Forwarded-Host.
     */
    ALLOWED_ORIGINS: z
      .string()
      .transform((v) => v.split(",").map((o) => o.trim()).filter(Boolean))
      .refine((origins) => origins.every(isOrigin), { message: "ALLOWED_ORIGINS must be origins like https://atlas.example.cn or http://localhost:5173, separated by commas" })
      .default([]),
  })
  .refine((e) => !e.NEO4J_URI || e.NEO4J_PASSWORD !== undefined, {
    message: "NEO4J_PASSWORD is required when NEO4J_URI is set",
    path: ["NEO4J_PASSWORD"],
  });

export type Env = z.infer<typeof Env>;

/** What Express's "trust proxy" accepts in a list: a named range, or an address with an optional prefix or mask. */
function isProxyAddress(item: string): boolean {
  if (["loopback", "linklocal", "uniquelocal"].includes(item)) return true;
  const [address = "", prefix, ...rest] = item.split("/");
  if (rest.length || isIP(address) === 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) ? Number(prefix) <= (isIP(address) === 4 ? 32 : 128) : isIP(prefix) === 4;
}

function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === text.replace(/\/$/, "");
  } catch {
    return false;
  }
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const blankAsUnset = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = Env.safeParse(blankAsUnset);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The embedded graph's database file inside DATA_DIR. */
export function kuzuFile(env: Pick<Env, "DATA_DIR">): string {
  return path.resolve(env.DATA_DIR, "graph.kuzu");
}
