/**
 * npm run user -- add <username> [--role viewer|editor|admin] [--password <password>]
 * npm run user -- reset <username> [--password <password>]
 * npm run user -- disable <username>   |   enable <username>   |   list
 *
 * Manages accounts in the graph at DATA_DIR (or NEO4J_URI) without the web page, e.g.
 * when the only admin is locked out. A password not given is made up and printed once.
 * Stop the server first when using the embedded graph.
 * Exit codes: 0 done, 1 refused (unknown or duplicate user, bad password), 2 wrong usage,
 * 3 the graph is in use by another process.
 */
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { createUser, listUsers, randomPassword, updateUser } from "../accounts/accounts.js";
import { AppError } from "../errors.js";
import { readEnv } from "../env.js";
import { Role } from "../model/accounts.js";
import { openStoreOrExit } from "./cli-store.js";

const USAGE = `usage: npm run user -- add <username> [--role viewer|editor|admin] [--password <password>]
       npm run user -- reset <username> [--password <password>]
       npm run user -- disable <username> | enable <username> | list`;

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { role: { type: "string" }, password: { type: "string" } } });
} catch (error) {
  usage((error as Error).message);
}
const { values, positionals } = parsed;
const [command, username, ...extra] = positionals;
if (extra.length || !command) usage();
if (command === "list" ? username : !username) usage();
if (!["add", "reset", "disable", "enable", "list"].includes(command)) usage(`Unknown command "${command}".`);
const role = values.role === undefined ? "viewer" : Role.safeParse(values.role).data;
if (!role) usage(`Unknown role "${values.role}": use viewer, editor or admin.`);
if (values.role !== undefined && command !== "add") usage("--role goes with add; change a role on the 用户管理 page.");

const actor = `cli:${userInfo().username}`;
const store = await openStoreOrExit(readEnv());
try {
  if (command === "list") {
    for (const u of await listUsers(store)) console.log(`${u.username.padEnd(20)} ${u.role.padEnd(7)} ${u.disabled ? "disabled" : "active"}`);
  } else if (command === "add") {
    const password = values.password ?? randomPassword();
    await createUser(store, { username: username!, role, password }, actor);
    console.log(`Added ${username!.toLowerCase()} (${role}).${values.password ? "" : ` Password: ${password}`}`);
  } else if (command === "reset") {
    const password = values.password ?? randomPassword();
    await updateUser(store, username!.toLowerCase(), { password }, actor);
    console.log(`New password for ${username!.toLowerCase()}${values.password ? " set" : `: ${password}`}. Their sessions have ended.`);
  } else {
    const disabled = command === "disable";
    await updateUser(store, username!.toLowerCase(), { disabled }, actor);
    console.log(`${username!.toLowerCase()} is ${disabled ? "disabled and logged out everywhere" : "enabled"}.`);
  }
  await store.close();
} catch (error) {
  await store.close();
  if (error instanceof ZodError) console.error(error.issues.map((i) => i.message).join("; "));
  else if (error instanceof AppError) console.error(error.message);
  else throw error;
  process.exit(1);
}
