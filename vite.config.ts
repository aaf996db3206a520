import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

/**
 * The client lives in client/ and builds into dist/client, which the Express app serves.
 * In development Vite serves the client with hot reload and forwards /api to the server.
 */
export default defineConfig({
  root: "client",
  plugins: [react()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: `http://127.0.0.1:${process.env.PORT ?? 3000}`, changeOrigin: false } },
  },
});
