// Entry point of the path-query worker thread: registers tsx (as src/cli/bin.js does) so the TypeScript runs as is.
import { register } from "tsx/esm/api";

register();
await import("./path-worker-main.ts");
