// Run as a script: loads the bundled graph, warms a path runner and answers one query, then lets the process end.
// The test that runs it checks that the runner's worker never keeps a process alive on its own.
import { loadDataset } from "../../../src/data";
import { createPathRunner } from "../../../src/server/path-runner";

const runner = createPathRunner(await loadDataset());
await runner.warm();
const result = await runner.paths("state:kor", "state:prk", {});
console.log(`answered ${result.type}`);
