// Security defaults: loopback by default, helmet headers with a CSP the web app satisfies, no CORS unless
// configured (and right when it is), size limits, no x-powered-by, and user text rendered as text, never HTML.
import { networkInterfaces } from "node:os";
import net from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer, type SpawnedServer } from "../../src/reliability/spawn-server";
import { collectErrors, startExplorer, waitForGraph, type Explorer } from "../e2e/explorer-harness";
import { rawRequest, requestBytes, type RawAnswer } from "./helpers/raw-http";
import { Tally } from "./helpers/tally";
import { startTestServer } from "./helpers/test-server";

const tally = new Tally("security");
afterAll(() => tally.save());

const CSP =
  "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data: blob:;connect-src 'self';" +
  "font-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'";

function passed(check: string): void {
  tally.add("checks passed");
  tally.note(check);
}

async function get(server: SpawnedServer, path: string, headers: [string, string][] = [], method = "GET") {
  const port = Number(new URL(server.url!).port);
  const outcome = await rawRequest(port, requestBytes(method, path, headers), method);
  expect(outcome.type, `${method} ${path}`).toBe("answer");
  return outcome as RawAnswer;
}

describe("a server started with the defaults", () => {
  let server: SpawnedServer;
  beforeAll(async () => {
    server = await spawnServer(["--port", "0"], { HOST: "", PORT: "", RIGHTSGRAPH_CORS_ORIGIN: "" });
    if (!server.url) throw new Error(`the server did not start:\n${server.stderr()}`);
  });
  afterAll(async () => {
    server.child.kill("SIGTERM");
    await server.exited;
  });

  it("listens on 127.0.0.1 only, never on the machine's other addresses", async () => {
    expect(new URL(server.url!).hostname).toBe("127.0.0.1");
    const port = Number(new URL(server.url!).port);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    for (const address of others) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: address, port });
        socket.once("connect", () => {
          socket.destroy();
          resolve(true);
        });
        socket.once("error", () => resolve(false));
      });
      expect(reached, address).toBe(false);
    }
    passed(`loopback only (${others.length} other addresses refused)`);
  });

  it("sends helmet's headers with the CSP and no x-powered-by on pages, API answers, errors and exports", async () => {
    for (const path of ["/", "/api/health", "/api/nodes/nowhere", "/api/export?format=json", "/missing.js"]) {
      const res = await get(server, path);
      expect(res.headers["content-security-policy"], path).toBe(CSP);
      expect(res.headers["x-content-type-options"], path).toBe("nosniff");
      expect(res.headers["x-frame-options"], path).toBe("SAMEORIGIN");
      expect(res.headers["referrer-policy"], path).toBe("no-referrer");
      expect(res.headers["cross-origin-opener-policy"], path).toBe("same-origin");
      expect(res.headers["x-powered-by"], path).toBeUndefined();
    }
    passed("helmet headers and CSP on every kind of answer; no x-powered-by");
  });

  it("sends no CORS header to another origin, not even for a preflight", async () => {
    const origin: [string, string] = ["Origin", "http://evil.example"];
    const simple = await get(server, "/api/health", [origin]);
    expect(simple.status).toBe(200);
    const preflight = await get(
      server,
      "/api/search?q=korea",
      [origin, ["Access-Control-Request-Method", "GET"]],
      "OPTIONS",
    );
    for (const res of [simple, preflight])
      expect(Object.keys(res.headers).filter((name) => name.startsWith("access-control-"))).toEqual([]);
    passed("no CORS headers unless configured");
  });

  it("does not parse request bodies: 5 MB sent to the API gets its JSON 404, not a parser's error", async () => {
    const port = Number(new URL(server.url!).port);
    const outcome = await rawRequest(
      port,
      requestBytes(
        "POST",
        "/api/health",
        [
          ["Content-Type", "application/json"],
          ["Content-Length", String(5_000_000)],
        ],
        "x".repeat(5_000_000),
      ),
      "POST",
    );
    expect(outcome.type).toBe("answer");
    expect((outcome as RawAnswer).status).toBe(404);
    expect(JSON.parse((outcome as RawAnswer).body.toString("utf8")).error.code).toBe("no-route");
    passed("request bodies never parsed; 5 MB POST answered 404");
  });
});

describe("a server with RIGHTSGRAPH_CORS_ORIGIN set", () => {
  let server: SpawnedServer;
  const allowed = "https://analyst.example";
  beforeAll(async () => {
    server = await spawnServer(["--port", "0"], { RIGHTSGRAPH_CORS_ORIGIN: allowed });
    if (!server.url) throw new Error(`the server did not start:\n${server.stderr()}`);
  });
  afterAll(async () => {
    server.child.kill("SIGTERM");
    await server.exited;
  });

  it("allows that origin on the API, answers its preflight, and varies on Origin", async () => {
    const simple = await get(server, "/api/health", [["Origin", allowed]]);
    expect(simple.headers["access-control-allow-origin"]).toBe(allowed);
    expect(simple.headers.vary).toMatch(/Origin/);
    const preflight = await get(
      server,
      "/api/search?q=korea",
      [
        ["Origin", allowed],
        ["Access-Control-Request-Method", "GET"],
      ],
      "OPTIONS",
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe(allowed);
    expect(preflight.headers["access-control-allow-methods"]).toBe("GET");
    passed("CORS for the configured origin: simple and preflight");
  });

  it("names only that origin, whoever asks, and nothing outside the API", async () => {
    const other = await get(server, "/api/health", [["Origin", "http://evil.example"]]);
    expect(other.headers["access-control-allow-origin"]).toBe(allowed);
    expect(other.headers["access-control-allow-credentials"]).toBeUndefined();
    const page = await get(server, "/", [["Origin", allowed]]);
    expect(page.headers["access-control-allow-origin"]).toBeUndefined();
    passed("CORS never reflects another origin, never credentials, API only");
  });
});

describe("timeouts against slow clients", () => {
  it("gives a client 10 s for its headers and 30 s for its request", async () => {
    const server = await startTestServer();
    try {
      expect(server.running.server.headersTimeout).toBe(10_000);
      expect(server.running.server.requestTimeout).toBe(30_000);
      expect((server.running.server as unknown as { maxHeaderSize: number }).maxHeaderSize).toBe(32 * 1024);
    } finally {
      await server.running.close();
    }
    passed("headers timeout 10 s, request timeout 30 s, header size 32 KB");
  });
});

describe("the web app in Chromium", () => {
  let explorer: Explorer;
  let page: Page;
  let errors: string[];
  const HOSTILE = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>Tomás Ojea Quintana`;
  const HOSTILE_QUOTE = `<b id="injected-quote" onclick="window.__xss=3">Special Rapporteur</b>`;

  beforeAll(async () => {
    explorer = await startExplorer();
    page = await explorer.context.newPage();
    errors = collectErrors(page);
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
  }, 120_000);
  afterAll(() => explorer?.close());

  /**
   * Every CSP violation and console error reported so far. Both arrive as queued events, so one more violation is
   * provoked on purpose (an image from another origin, blocked before any request is made) and, once its report
   * and its console line are in, every earlier one is too. The provoked ones are left out.
   */
  const reported = async (): Promise<{ violations: string[]; errors: string[] }> => {
    const sentinel = `http://127.0.0.1:9/csp-sentinel-${Date.now()}.png`;
    await page.evaluate((src) => void (new Image().src = src), sentinel);
    await page.waitForFunction(
      (src) => (window as unknown as { __csp: string[] }).__csp.some((v) => v.endsWith(src)),
      sentinel,
    );
    await expect.poll(() => errors.some((e) => e.includes(sentinel))).toBe(true);
    const all = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    const provoked = (line: string) => line.includes("/csp-sentinel-");
    return { violations: all.filter((v) => !provoked(v)), errors: errors.filter((e) => !provoked(e)) };
  };

  it("loads, searches and shows details with no CSP violation and no console error", async () => {
    await page.goto(explorer.url);
    await waitForGraph(page);
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.fill("Korea");
    await page.getByRole("listbox").getByRole("option").first().waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.locator(".details .relation").first().waitFor();
    expect(await reported()).toEqual({ violations: [], errors: [] });
    passed("web app under the CSP: no violation, no console error");
  });

  it("shows a label and a quote holding HTML as text, and never runs them", async () => {
    // Every API answer passes through here: Quintana's name becomes markup, and so does a phrase of every quote.
    await page.route("**/api/**", async (route) => {
      const response = await route.fetch();
      const type = response.headers()["content-type"] ?? "";
      if (!type.includes("json")) return route.fulfill({ response });
      const json = (text: string) => JSON.stringify(text).slice(1, -1);
      const body = (await response.text())
        .replaceAll("Tomás Ojea Quintana", json(HOSTILE))
        .replaceAll("Special Rapporteur", json(HOSTILE_QUOTE));
      return route.fulfill({ response, body });
    });
    await page.goto(explorer.url);
    await waitForGraph(page);
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.fill("Quintana");
    const option = page.getByRole("listbox").getByRole("option").first();
    await option.waitFor();
    expect(await option.textContent()).toContain("<img src=x onerror=");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    const title = page.locator(".details .details-title");
    await page.locator(".details .relation").first().waitFor();
    expect(await title.textContent()).toContain(`<script>window.__xss=2</script>`);
    const details = (await page.locator(".details").textContent()) ?? "";
    expect(details).toContain("<b id=");
    const injected = await page.evaluate(() => ({
      images: document.querySelectorAll('img[src="x"]').length,
      scripts: [...document.querySelectorAll("script")].filter((s) => s.textContent?.includes("__xss")).length,
      bold: document.querySelectorAll("#injected-quote").length,
      xss: (window as unknown as { __xss?: number }).__xss ?? null,
    }));
    expect(injected).toEqual({ images: 0, scripts: 0, bold: 0, xss: null });
    expect((await reported()).violations).toEqual([]);
    passed("hostile label and quote shown as text, never parsed or run");
  });
});
