/**
 * The Express app, apart from listen() so tests run the real thing on port 0.
 * /api/* is JSON; everything else is the built client (dist/client) with an SPA fallback.
 */
import express from "express";
import helmet from "helmet";
import { z } from "zod";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";
import type { GraphStore } from "./graph/store.js";
import { errorHandler, notFoundRoute } from "./errors.js";
import { authenticate, requireDefaultRole } from "./accounts/authenticate.js";
import type { LoginLimiter } from "./accounts/login-limiter.js";
import { sameOriginWrites } from "./accounts/same-origin.js";
import { requestTiming } from "./request-timing.js";
import { editRoutes } from "./routes/edit-routes.js";
import { gapRoutes } from "./routes/gap-routes.js";
import { importRoutes } from "./routes/import-routes.js";
import { listRoutes } from "./routes/list-routes.js";
import { projectRoutes, snapshotAfterWrites } from "./routes/project-routes.js";
import { readRoutes } from "./routes/read-routes.js";
import { sessionRoutes } from "./routes/session-routes.js";
import { settingsRoutes } from "./routes/settings-routes.js";
import { simulationRoutes } from "./routes/simulation-routes.js";
import { targetRoutes } from "./routes/target-routes.js";
import { userRoutes } from "./routes/user-routes.js";

export const CLIENT_DIR = fileURLToPath(new URL("../dist/client/", import.meta.url));

export interface AppOptions {
  /** Where the built client lives; the API works without it. */
  clientDir?: string;
  /** Where uploads wait while they are imported (default: the system's temp dir). */
  uploadDir?: string;
  maxUploadBytes?: number;
  logError?: (error: unknown) => void;
  /** Express's "trust proxy" (env TRUST_PROXY): the client's address and scheme from a reverse proxy. */
  trustProxy?: number | string;
  /** Other origins whose pages may send writes (env ALLOWED_ORIGINS); the app's own always may. */
  allowedOrigins?: readonly string[];
  /** Counts failed logins (tests pass their own to start from a clean slate). */
  loginLimiter?: LoginLimiter;
}

// Validation messages reach users, so zod's own speak Chinese like ours.
z.config(z.locales.zhCN());

export function createApp(store: GraphStore, options: AppOptions = {}): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // antd writes its component styles at run time (CSS-in-JS).
          styleSrc: ["'self'", "'unsafe-inline'"],
          // Exports draw the map into data: and blob: images before they are downloaded.
          imgSrc: ["'self'", "data:", "blob:"],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", "data:"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.set("query parser", "simple");
  app.use("/api", requestTiming());
  // Login limits count per client address, and cookies are Secure over HTTPS: both need
  // the real client when a proxy stands in front.
  if (options.trustProxy !== undefined) app.set("trust proxy", options.trustProxy);
  // Before any body is read: another site's write is refused whatever it carries.
  app.use("/api", sameOriginWrites(options.allowedOrigins));
  app.use(express.json({ limit: "1mb" }));

  // Open to all: health and logging in. Everything after needs a session and a role.
  app.use("/api", sessionRoutes(store, options.loginLimiter));
  app.use("/api", authenticate(store), requireDefaultRole);
  app.use("/api", snapshotAfterWrites(store, options.logError));
  app.use("/api", userRoutes(store));
  app.use("/api", readRoutes(store));
  app.use("/api", gapRoutes(store));
  app.use("/api", settingsRoutes(store));
  app.use("/api", targetRoutes(store));
  app.use("/api", simulationRoutes(store));
  app.use("/api", listRoutes(store));
  app.use("/api", editRoutes(store));
  app.use("/api", projectRoutes(store));
  app.use(
    "/api",
    importRoutes(store, {
      uploadDir: options.uploadDir ?? path.join(tmpdir(), "chainatlas-uploads"),
      maxUploadBytes: options.maxUploadBytes ?? 200 * 1024 * 1024,
    }),
  );
  app.use("/api", notFoundRoute);

  const clientDir = options.clientDir ?? CLIENT_DIR;
  if (existsSync(path.join(clientDir, "index.html"))) {
    app.use(express.static(clientDir, { index: false, maxAge: "1h" }));
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, "index.html")));
  }

  app.use(errorHandler(options.logError));
  return app;
}
