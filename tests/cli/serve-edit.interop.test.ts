// `rightsgraph serve --edit` as users start it: a real process that prints a generated token, takes writes only
// with it, logs them in the data folder, and stops cleanly on SIGTERM with an event stream still open.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BRIEF, copyBundledData } from "../helpers/edit-server";

const data = copyBundledData("rightsgraph-serve-edit");
afterAll(() => data.remove());

describe("rightsgraph serve --edit, as a process", () => {
  it(
    "prints a generated token that writes need and the address with it in the fragment, logs the write, and stops on SIGTERM",
    { timeout: 60_000 },
    async () => {
      const bin = path.resolve("src/cli/bin.js");
      const env = { ...process.env, RIGHTSGRAPH_EDIT_TOKEN: "" };
      const child = spawn(process.execPath, [bin, "serve", "--edit", "--port", "0", "--data", data.dataDir], { env });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      await expect.poll(() => stderr, { timeout: 30_000 }).toMatch(/every write is logged to/);
      const url = /serving at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)![1]!;
      const token = /Authorization: Bearer ([A-Za-z0-9_-]{32})/.exec(stderr)![1]!;
      // The address to open in a browser carries the token in its fragment, which browsers never send.
      expect(stderr).toContain(`open ${url}/#token=${token} to edit in the browser`);
      const source = `${url}/api/edit/sources/${BRIEF}`;
      expect((await fetch(source)).status).toBe(401);
      const read = await fetch(source, { headers: { Authorization: `Bearer ${token}` } });
      expect(read.status).toBe(200);
      const etag = read.headers.get("etag")!;
      const claim = `${source}/claims/${encodeURIComponent("state:kor--declined--doc:un:a-c.3-74-l.26")}`;
      const deleted = await fetch(claim, {
        method: "DELETE",
        headers: { Authorization: `Bearer ${token}`, "If-Match": etag },
      });
      expect(deleted.status).toBe(200);
      const log = readFileSync(path.join(data.dataDir, ".rightsgraph-edit", "edits.jsonl"), "utf8");
      expect(JSON.parse(log.trim())).toMatchObject({ action: "delete-claim", sourceId: BRIEF });
      expect(log).not.toContain(token);
      // An open event stream does not keep the server from stopping.
      const events = await fetch(`${url}/api/events`);
      expect(events.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
      expect(stderr).toContain("RightsGraph: stopped");
    },
  );
});
