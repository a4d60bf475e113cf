// Vite build of the web explorer: root web/, output web/dist, served by the Express server at "/".
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  base: "/",
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    // The server's Content-Security-Policy allows no inline scripts: keep every script in a file.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
