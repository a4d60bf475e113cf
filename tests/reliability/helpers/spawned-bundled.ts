// `rightsgraph serve` on the bundled graph in a process of its own for the tests of a file: started before them,
// stopped after them.
import { afterAll, beforeAll } from "vitest";
import { spawnServer, type SpawnedServer } from "../../../src/reliability/spawn-server";

/** Registers the file's hooks; the returned function gives the server once the tests run. */
export function spawnedBundledServer(): () => SpawnedServer & { url: string } {
  let server: SpawnedServer | undefined;
  beforeAll(async () => {
    server = await spawnServer(["--port", "0"]);
    if (!server.url) throw new Error(`the server did not start:\n${server.stderr()}`);
  });
  afterAll(async () => {
    server?.child.kill("SIGTERM");
    await server?.exited;
  });
  return () => server as SpawnedServer & { url: string };
}
