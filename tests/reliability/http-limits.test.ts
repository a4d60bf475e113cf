// The edges of HTTP the fuzzer found: malformed requests, oversized ones, CONNECT, directory redirects and routes
// that ignored unknown parameters; and Host headers (DNS rebinding), OPTIONS, timeouts and the connection cap.
// Each refusal is JSON with a 4xx status (503 for the connection cap).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer } from "../../src/reliability/spawn-server";
import { keptAlive } from "./helpers/kept-alive";
import { rawRequest, requestBytes, type RawAnswer } from "./helpers/raw-http";
import { startTestServer, type TestServer } from "./helpers/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.running.close());

async function answer(bytes: Buffer | string, method = "GET"): Promise<RawAnswer> {
  const outcome = await rawRequest(server.port, bytes, method, 5000);
  expect(outcome.type, `no answer to ${JSON.stringify(bytes.toString().slice(0, 80))}`).toBe("answer");
  return outcome as RawAnswer;
}

function expectJsonError(res: RawAnswer, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  expect(JSON.parse(res.body.toString("utf8")).error).toMatchObject({ code, message: expect.any(String) });
}

describe("requests Node's HTTP parser refuses", () => {
  it("answers a malformed request line or header with a JSON 400", async () => {
    for (const raw of [
      "GARBAGE\r\n\r\n",
      "GET /api/health HTTP/9.9\r\n\r\n",
      "GET /api/he alth HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
      "GET /api/health HTTP/1.1\r\nBad Header\r\n\r\n",
      "GET /api/nodes/a\u0000b HTTP/1.1\r\nHost: x\r\n\r\n",
    ]) {
      expectJsonError(await answer(raw), 400, "bad-request");
    }
  });

  it("answers headers over 32 KB with a JSON 431", async () => {
    expectJsonError(
      await answer(requestBytes("GET", "/api/health", [["X-Big", "b".repeat(40_000)]])),
      431,
      "headers-too-large",
    );
    expectJsonError(await answer(requestBytes("GET", `/api/search?q=${"a".repeat(40_000)}`)), 431, "headers-too-large");
  });

  it("answers a URL over 16 KB but within the header limit with a JSON 414", async () => {
    expectJsonError(await answer(requestBytes("GET", `/api/search?q=${"a".repeat(17_000)}`)), 414, "uri-too-long");
  });

  it("answers CONNECT with a JSON 405 instead of dropping the connection", async () => {
    expectJsonError(await answer(requestBytes("CONNECT", "127.0.0.1:22")), 405, "method-not-allowed");
  });
});

describe("routes and static files", () => {
  it("refuses an unknown parameter on /api/openapi.json like on every other route", async () => {
    const res = await answer(requestBytes("GET", "/api/openapi.json?verbose=1"));
    expectJsonError(res, 400, "bad-parameter");
    expect(JSON.parse(res.body.toString("utf8")).error.parameter).toBe("verbose");
  });

  it("never redirects a path that names a folder, so no hostile path becomes a Location header", async () => {
    for (const target of ["/assets", "/x//..", "//evil.example/%2e%2e", "/assets/..%2f"]) {
      const res = await answer(requestBytes("GET", target));
      expect(res.headers.location, target).toBeUndefined();
      expectJsonError(res, 404, "no-route");
    }
  });

  it("still serves the web app at / and its assets", async () => {
    const res = await answer(requestBytes("GET", "/"));
    expect(res.status).toBe(200);
    expect(res.body.toString("utf8")).toContain("<title>RightsGraph");
  });

  it("logged no unexpected error", () => {
    expect(server.logged).toEqual([]);
  });
});

describe("Host headers: a page on another site that rebinds its name to this machine is refused", () => {
  it("answers a Host it does not serve with a JSON 421, for the API and the web app alike", async () => {
    for (const host of ["evil.example", `evil.example:${server.port}`, "127.0.0.1.evil.example", "attacker"]) {
      for (const target of ["/api/health", "/api/nodes/state%3Aprk", "/"]) {
        const res = await answer(requestBytes("GET", target, [["Host", host]]));
        expectJsonError(res, 421, "host-not-allowed");
      }
    }
  });

  it("answers its own address and localhost, with and without the port", async () => {
    for (const host of ["127.0.0.1", `127.0.0.1:${server.port}`, "localhost", `LocalHost:${server.port}`]) {
      const res = await answer(requestBytes("GET", "/api/health", [["Host", host]]));
      expect(res.status, host).toBe(200);
    }
  });

  it("answers names given with --allowed-hosts or RIGHTSGRAPH_ALLOWED_HOSTS, and only those", async () => {
    const flag = await spawnServer(["--port", "0", "--allowed-hosts", "analysts.example,desk.example"], {
      HOST: "",
      PORT: "",
    });
    const env = await spawnServer(["--port", "0"], { HOST: "", PORT: "", RIGHTSGRAPH_ALLOWED_HOSTS: "desk.example" });
    try {
      for (const [spawned, allowed, refused] of [
        [flag, ["analysts.example", "desk.example:80"], ["evil.example"]],
        [env, ["desk.example"], ["analysts.example"]],
      ] as const) {
        expect(spawned.url, spawned.stderr()).not.toBeNull();
        const port = Number(new URL(spawned.url!).port);
        for (const host of allowed) {
          const outcome = await rawRequest(port, requestBytes("GET", "/api/health", [["Host", host]]), "GET");
          expect(outcome.type === "answer" && outcome.status, host).toBe(200);
        }
        for (const host of refused) {
          const outcome = await rawRequest(port, requestBytes("GET", "/api/health", [["Host", host]]), "GET");
          expectJsonError(outcome as RawAnswer, 421, "host-not-allowed");
        }
      }
    } finally {
      for (const spawned of [flag, env]) spawned.child.kill("SIGTERM");
      await Promise.all([flag.exited, env.exited]);
    }
  }, 120_000);

  it("refuses to start with an allowed host that is not a host name, with exit 2 and usage", async () => {
    const bad = await spawnServer(["--port", "0", "--allowed-hosts", "evil.example:80"]);
    expect(bad.url).toBeNull();
    expect((await bad.exited).code).toBe(2);
    expect(bad.stderr()).toContain('"evil.example:80" is not a host name');
    expect(bad.stderr()).toContain("usage: rightsgraph serve");
  }, 60_000);
});

describe("requests without Host, and OPTIONS", () => {
  it("answers an HTTP/1.1 request without Host with a JSON 400", async () => {
    expectJsonError(await answer("GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, "missing-host");
  });

  it("answers an HTTP/1.0 request without Host (no browser sends one)", async () => {
    const res = await answer("GET /api/health HTTP/1.0\r\n\r\n");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString("utf8"))).toMatchObject({ status: "ok" });
  });

  it("answers OPTIONS with a JSON 405 that lists the methods served", async () => {
    for (const target of ["/api/health", "/api/export?format=gexf", "/", "*"]) {
      const res = await answer(requestBytes("OPTIONS", target), "OPTIONS");
      expectJsonError(res, 405, "method-not-allowed");
      expect(res.headers.allow).toBe("GET, HEAD, POST");
    }
  });
});

describe("timeouts fire near their configured value", () => {
  it("answers 408 to headers or a body that never finish, well before Node's 30 s check interval", async () => {
    const slow = await startTestServer(undefined, undefined, {
      limits: { headersTimeoutMs: 2000, requestTimeoutMs: 3000 },
    });
    try {
      const timed = async (bytes: string) => {
        const started = performance.now();
        const outcome = await rawRequest(slow.port, bytes, "GET", 25_000);
        return { outcome, seconds: (performance.now() - started) / 1000 };
      };
      const [headers, body] = await Promise.all([
        timed("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n"),
        timed("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\nx"),
      ]);
      for (const { outcome, seconds } of [headers, body]) {
        expectJsonError(outcome as RawAnswer, 408, "request-timeout");
        // A timeout never fires early; with Node's default check interval it fired after 30 s or more.
        expect(seconds).toBeGreaterThanOrEqual(1.5);
        expect(seconds).toBeLessThan(20);
      }
    } finally {
      await slow.running.close();
    }
  }, 60_000);
});

describe("a cap on open connections", () => {
  it("answers connections past the cap with a JSON 503 and closes them; frees a place when one closes", async () => {
    const capped = await startTestServer(undefined, undefined, { limits: { maxConnections: 3, extraConnections: 2 } });
    const health = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    const connections = async (): Promise<number> =>
      new Promise((resolve, reject) =>
        capped.running.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
      );
    try {
      const held = await Promise.all([0, 1, 2].map(() => keptAlive(capped.port)));
      for (const connection of held) expect((await connection.send(health)).status).toBe(200);

      const fourth = await keptAlive(capped.port);
      const refused = await fourth.send(health);
      expectJsonError(refused, 503, "too-many-connections");
      expect(refused.headers.connection).toBe("close");
      await fourth.closed;

      held[0]!.socket.destroy();
      await held[0]!.closed;
      while ((await connections()) > 2) await new Promise((resolve) => setImmediate(resolve));
      const fifth = await keptAlive(capped.port);
      expect((await fifth.send(health)).status).toBe(200);

      // Three served and two more answered 503: a sixth and seventh connection are closed unanswered.
      const extra = await Promise.all([0, 1].map(() => keptAlive(capped.port)));
      while ((await connections()) < 5) await new Promise((resolve) => setImmediate(resolve));
      const dropped = await rawRequest(capped.port, requestBytes("GET", "/api/health"), "GET", 5000);
      expect(dropped).toEqual({ type: "closed", received: 0 });
      for (const connection of [...held, fifth, ...extra]) connection.socket.destroy();
    } finally {
      await capped.running.close();
    }
    expect(capped.logged).toEqual([]);
  }, 60_000);
});
