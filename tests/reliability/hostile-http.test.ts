// Hostile HTTP input: thousands of generated requests to every route, answered with JSON 4xx or a valid 2xx, never
// a 5xx, a stack trace or a hang; the static file server never serves a byte from outside web/dist.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CYPHER_RULES, PATH_RULES } from "../../src/api/parameters";
import { DEFAULT_WEB_DIR } from "../../src/server";
import { hostileRequest, TRAVERSAL_TARGETS, type HostileRequest } from "./helpers/hostile-requests";
import { rawRequest, requestBytes, type RawOutcome } from "./helpers/raw-http";
import { startTestServer, type TestServer } from "./helpers/test-server";
import { byScale, Tally } from "./helpers/tally";

const BATCH = 25;
const REQUESTS = byScale(2500, 20_000);
/** How long any request may take beyond the search time its batch may ask for before it counts as hung. */
const GRACE_MS = 5000;

// A stack frame, a source path or a module path in an answer means an error leaked out unhandled.
const LEAK = /\n\s+at |\bat [\w$.<>]+ \(|\bat (?:file:\/\/)?\/[\w/.-]+:\d+:\d+|node_modules\/|\/work\/|\.ts:\d+:\d+/;

function webFiles(dir: string): Buffer[] {
  const files: Buffer[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) files.push(...webFiles(file));
    else files.push(readFileSync(file));
  }
  return files;
}

let server: TestServer;
let port: number;
let served: Buffer[];
const tally = new Tally("http");

beforeAll(async () => {
  if (!existsSync(path.join(DEFAULT_WEB_DIR, "index.html")))
    throw new Error("web/dist is not built: run `npm run build:web` first (npm test does it)");
  served = webFiles(DEFAULT_WEB_DIR);
  server = await startTestServer();
  port = server.port;
});

afterAll(async () => {
  await server?.running.close();
  tally.save();
});

/** A time budget as a request gives it: clamped to what the server allows, the default when absent or unreadable. */
function budgetOf(given: unknown, rule: { max: number; default: number }): number {
  const value = typeof given === "string" ? Number(given.trim()) : given;
  return typeof value === "number" && Number.isFinite(value) ? Math.min(Math.max(value, 0), rule.max) : rule.default;
}

/**
 * The most search time a request may ask for: a Cypher query's or a path query's time budget (the server works
 * that long, then answers truncated), nothing for the routes without one. Generous on purpose (a request refused
 * with a 400 counts its budget too): it only sets when a request counts as hung.
 */
function mayWorkMs(request: HostileRequest): number {
  const route = request.route.path;
  if (route === "/api/query" || route === "/api/query/export") {
    try {
      const body = JSON.parse(request.body) as { timeBudgetMs?: unknown } | null;
      return budgetOf(body?.timeBudgetMs, CYPHER_RULES.timeBudgetMs);
    } catch {
      return 0;
    }
  }
  if (route !== "/api/paths" && route !== "/api/export") return 0;
  const given = [...request.target.matchAll(/[?&]timeBudgetMs=([^&#]*)/g)].map((m) => {
    try {
      return decodeURIComponent(m[1]!);
    } catch {
      return m[1]!;
    }
  });
  return Math.max(
    given.length === 0 ? PATH_RULES.timeBudgetMs.default : 0,
    ...given.map((value) => budgetOf(value, PATH_RULES.timeBudgetMs)),
  );
}

/** A request as the failure list shows it: method, target, headers and the start of its body. */
function describeRequest(request: HostileRequest): string {
  const headers = request.headers.map(([name, value]) => `${name}: ${value.slice(0, 30)}`).join("; ");
  const body = request.body ? ` body ${JSON.stringify(request.body.slice(0, 400))}` : "";
  return `${request.method} ${JSON.stringify(request.target.slice(0, 160))} [${headers}]${body}`;
}

/** What is wrong with an answer, or null when it is a well-formed JSON 4xx or a valid 2xx. */
function judge(request: HostileRequest, outcome: RawOutcome): string | null {
  if (outcome.type === "hang") return `no complete answer within ${outcome.waitedMs} ms (${outcome.received} bytes)`;
  if (outcome.type === "closed") return `connection closed without an answer (${outcome.received} bytes)`;
  const { status, headers, body } = outcome;
  const type = headers["content-type"] ?? "";
  if (status >= 500) return `status ${status}: ${body.toString("utf8").slice(0, 300)}`;
  if (headers["x-powered-by"]) return "x-powered-by header present";
  const conditional = request.headers.some(([name]) => /^if-(none-match|modified-since)$/i.test(name));
  if (status === 304) return conditional ? null : "304 to a request that was not conditional";
  if (status >= 300 && status < 400) return `redirect ${status} to ${headers.location}`;
  const isStatic = status < 300 && !type.includes("json") && request.route.kind === "static";
  if (!isStatic && LEAK.test(body.toString("utf8")))
    return `stack trace or path in the answer: ${body.toString("utf8").slice(0, 300)}`;
  if (request.method === "HEAD") return null;
  if (status >= 400) {
    if (!type.startsWith("application/json")) return `status ${status} with content type "${type}"`;
    try {
      const parsed = JSON.parse(body.toString("utf8")) as { error?: { code?: unknown; message?: unknown } };
      if (typeof parsed.error?.code !== "string" || typeof parsed.error?.message !== "string")
        return `status ${status} without {error: {code, message}}: ${body.toString("utf8").slice(0, 200)}`;
    } catch {
      return `status ${status} with a body that is not JSON: ${body.toString("utf8").slice(0, 200)}`;
    }
    return null;
  }
  if (status === 204) return "204 without CORS configured";
  if (type.startsWith("application/json")) {
    try {
      JSON.parse(body.toString("utf8"));
    } catch {
      return "2xx JSON that does not parse";
    }
    return null;
  }
  if (request.route.kind === "export") {
    if (!/^application\/(graphml\+xml|gexf\+xml|zip)/.test(type)) return `export with content type "${type}"`;
    if (!/^attachment; filename="rightsgraph[\w-]*\.\w+"$/.test(headers["content-disposition"] ?? ""))
      return `export without a download file name`;
    return body.length > 0 ? null : "empty export";
  }
  // Anything else served must be a file of the built web app, byte for byte: nothing from outside web/dist.
  // A Range request (206) gets a slice of a file; anything else the whole file.
  const isServed = (file: Buffer) => (status === 206 ? file.includes(body) : file.equals(body));
  if (served.some(isServed)) return null;
  // Another process may have rebuilt the web app meanwhile: compare with what web/dist holds now.
  served = webFiles(DEFAULT_WEB_DIR);
  return served.some(isServed) ? null : `${status} "${type}" that is not a file of web/dist`;
}

function count(outcome: RawOutcome): void {
  tally.add("requests");
  if (outcome.type !== "answer") tally.add(outcome.type === "hang" ? "hangs" : "closed");
  else tally.add(`${Math.floor(outcome.status / 100)}xx`);
}

/**
 * Sends a request and waits up to `timeoutMs` for its answer. Queries and path searches run one at a time in the
 * server's scheduler, so a request of a batch may wait behind the search time of all the others.
 */
async function send(request: HostileRequest, timeoutMs = GRACE_MS): Promise<RawOutcome> {
  const bytes = requestBytes(request.method, request.target, request.headers, request.body);
  return rawRequest(port, bytes, request.method, timeoutMs);
}

describe("the server under hostile requests", () => {
  it("answers every static-file escape attempt with a JSON 4xx and never a byte from outside web/dist", async () => {
    const secrets = [readFileSync("package.json"), readFileSync("/etc/passwd")].map((b) =>
      b.toString("utf8").slice(0, 40),
    );
    for (const target of TRAVERSAL_TARGETS) {
      for (const method of ["GET", "HEAD"]) {
        const request: HostileRequest = {
          method,
          route: { path: "/{file}", params: [], kind: "static" },
          target,
          headers: [],
          body: "",
        };
        const outcome = await send(request);
        count(outcome);
        tally.add("traversal attempts");
        expect(judge(request, outcome), `${method} ${target}`).toBeNull();
        expect(outcome.type === "answer" && outcome.status >= 400 && outcome.status < 500, `${method} ${target}`).toBe(
          true,
        );
        const text = outcome.type === "answer" ? outcome.body.toString("utf8") : "";
        for (const secret of secrets) expect(text).not.toContain(secret);
      }
    }
  });

  it(
    `answers ${REQUESTS} generated requests to every route with JSON 4xx or valid 2xx, never 5xx or a hang`,
    async () => {
      const failures: string[] = [];
      // fc.check rather than fc.assert: a counterexample holds 40 KB headers, so the failures are listed briefly.
      const details = await fc.check(
        fc.asyncProperty(fc.array(hostileRequest, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
          const timeoutMs = GRACE_MS + batch.reduce((sum, request) => sum + mayWorkMs(request), 0);
          const outcomes = await Promise.all(batch.map((request) => send(request, timeoutMs)));
          let ok = true;
          outcomes.forEach((outcome, i) => {
            count(outcome);
            const problem = judge(batch[i]!, outcome);
            if (!problem) return;
            ok = false;
            tally.add("malformed");
            const described = `${describeRequest(batch[i]!)}: ${problem.slice(0, 300)}`;
            tally.note(described);
            if (failures.length < 20) failures.push(described);
          });
          return ok;
        }),
        { numRuns: Math.ceil(REQUESTS / BATCH), seed: byScale(20200218, 20200219), endOnFailure: true },
      );
      expect(failures).toEqual([]);
      expect(details.failed).toBe(false);
      expect(tally.get("5xx")).toBe(0);
      expect(tally.get("hangs")).toBe(0);
    },
    byScale(60_000, 1_800_000),
  );

  it("logged no unexpected error while answering them", () => {
    expect(server.logged).toEqual([]);
  });

  it("is still healthy afterwards", async () => {
    const request: HostileRequest = {
      method: "GET",
      route: { path: "/api/health", params: [], kind: "json" },
      target: "/api/health",
      headers: [],
      body: "",
    };
    const outcome = await send(request);
    expect(outcome.type === "answer" && JSON.parse(outcome.body.toString("utf8")).status).toBe("ok");
  });
});
