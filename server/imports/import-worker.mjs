// A worker thread of an import (import-workers.ts). The server runs TypeScript through
// tsx; a worker does not inherit that loader, so it registers it before loading its code.
const { register } = await import("tsx/esm/api");
register();
await import("./import-worker-main.ts");
