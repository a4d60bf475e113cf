// The edges of HTTP the fuzzer found: malformed requests, oversized ones, CONNECT, directory redirects and routes
// that ignored unknown parameters. Each answer is JSON with a 4xx status.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
