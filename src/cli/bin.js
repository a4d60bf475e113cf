#!/usr/bin/env node
// Entry point of the `rightsgraph` command: runs the TypeScript CLI through tsx, so no build step is needed.
import { register } from "tsx/esm/api";

// A reader that stops early (`rightsgraph stats | head`) closes the pipe: that is not an error worth a stack trace.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
