// A child process for the crash test: writes to a data folder through the record writer for ever (delete a claim,
// post its record back, again and again), printing one line per write, until it is killed.
import { loadDataset } from "../../../src/data";
import { EditStore } from "../../../src/edit";

const [dataDir, sourceId, claimId] = process.argv.slice(2) as [string, string, string];
const who = { token: "sha256:crash-test", remote: "child" };
const dataset = await loadDataset(dataDir, { suggestions: true, locateClaims: true });
const store = EditStore.open(dataDir, dataset, { undoDepth: 5, onDataset: () => {}, onProblems: () => {} });
for (let n = 1; ; n++) {
  const { etag } = await store.source(sourceId);
  const claim = await store.claim(sourceId, claimId).catch(() => null);
  if (claim) await store.deleteClaim(sourceId, claimId, etag, who);
  else {
    const { record } = JSON.parse(process.env.CRASH_RECORD!) as { record: Record<string, unknown> };
    await store.createClaim(sourceId, record, etag, who);
  }
  process.stdout.write(`${n}\n`);
}
