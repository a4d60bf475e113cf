// Generators of hostile HTTP requests for every route: malformed, huge, repeated and unknown parameters, unicode,
// percent-encoding tricks, `../` in ids, control characters, very long URLs, odd methods and headers.
import fc from "fast-check";
import { PATH_PARAMETERS } from "../../../src/server/routes/query-routes";

export interface RouteSpec {
  /** Path with `{id}` or `{file}` where a path segment goes. */
  path: string;
  params: readonly string[];
  /** What a 2xx answer is: JSON, an export file, or a file of the built web app. */
  kind: "json" | "export" | "static";
  /** Routes that take a JSON body (the Cypher query routes) are sent POST; every other GET. */
  method?: "POST";
}

// The path routes' own list, so a parameter added there is fuzzed too.
const PATH_PARAMS = PATH_PARAMETERS;

/** Every route the server answers, with the parameters it takes. */
export const ROUTES: readonly RouteSpec[] = [
  { path: "/api/health", params: [], kind: "json" },
  { path: "/api/search", params: ["q", "type", "limit"], kind: "json" },
  { path: "/api/nodes/{id}", params: [], kind: "json" },
  {
    path: "/api/nodes/{id}/neighbors",
    params: ["depth", "direction", "edgeTypes", "nodeTypes", "limit", "edgeLimit"],
    kind: "json",
  },
  { path: "/api/paths", params: PATH_PARAMS, kind: "json" },
  { path: "/api/export", params: ["format", "nodeTypes", "dateFrom", "dateTo", ...PATH_PARAMS], kind: "export" },
  { path: "/api/query", params: [], kind: "json", method: "POST" },
  { path: "/api/query/export", params: ["format"], kind: "export", method: "POST" },
  { path: "/api/graph", params: ["limit"], kind: "json" },
  { path: "/api/schema", params: [], kind: "json" },
  { path: "/api/sources", params: [], kind: "json" },
  { path: "/api/sources/{id}", params: [], kind: "json" },
  { path: "/api/openapi.json", params: [], kind: "json" },
  { path: "/", params: [], kind: "static" },
  { path: "/index.html", params: [], kind: "static" },
  { path: "/assets/{file}", params: [], kind: "static" },
  { path: "/{file}", params: [], kind: "static" },
];

const REAL_VALUES = [
  "state:prk",
  "state:kor",
  "person:tomas-ojea-quintana",
  "doc:un:a-c.3-74-l.26",
  "dprk-2020-brief",
  "topic:sanctions-relief",
  "graphml",
  "gexf",
  "json",
  "csv",
  "any",
  "forward",
  "out",
  "in",
  "both",
  "declined,sponsored",
  "cites",
  "state",
  "person,document",
  "true",
  "false",
  "korea",
  "Tomás",
  "2019",
  "2019-12",
  "2019-12-18",
];

const NUMBERS = ["0", "1", "2", "3", "8", "9", "50", "51", "-1", "-0", "+1", "1e3", "0x10", "1.5", " 3", "3 "];
const BIG_NUMBERS = ["999999999", "9999999999", "NaN", "Infinity", "-Infinity", "5000", "5001", "200000", "200001"];

const TRICKS = [
  "",
  " ",
  "../",
  "../../package.json",
  "..%2F..%2Fpackage.json",
  "%2e%2e%2f%2e%2e%2fpackage.json",
  "%252e%252e%252fpackage.json",
  "..\\..\\package.json",
  "..%5c..%5cpackage.json",
  "%c0%ae%c0%ae/",
  "%00",
  "a%00b",
  "%",
  "%%",
  "%zz",
  "%E0%A4%A",
  "%FF%FE",
  "%ED%A0%80",
  "%F0%9F%98",
  "state%3Aprk",
  "state%253Aprk",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "' OR '1'='1",
  "${7*7}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "\u0000",
  "\u0007\u001b[31m",
  "\r\nX-Injected: 1",
  "\u202eevil",
  "\uFEFFstate:prk",
  "\uD800",
  "\uDFFF",
  "😀",
  "𝕏𝕐",
  "e\u0301",
  "ß",
  "İ",
  "北朝鮮",
  "a,b,,c,",
  ",,,",
  "a&b=c",
  "#frag",
  "?q=1",
  "/etc/passwd",
  "C:\\Windows\\win.ini",
  "file:///etc/passwd",
  "http://evil.example/",
];

/** How a value goes into the URL: encoded properly, twice, only partly, or as raw bytes (control chars and all). */
type Encoding = "component" | "twice" | "raw" | "uri";

function encode(value: string, encoding: Encoding): string {
  switch (encoding) {
    case "component":
      return safeEncode(value, encodeURIComponent);
    case "twice":
      return safeEncode(safeEncode(value, encodeURIComponent), encodeURIComponent);
    case "uri":
      return safeEncode(value, encodeURI);
    case "raw":
      return value;
  }
}

// encodeURIComponent throws on lone surrogates: send them raw then, which is hostile too.
function safeEncode(value: string, fn: (v: string) => string): string {
  try {
    return fn(value);
  } catch {
    return value;
  }
}

const longValue = fc
  .constantFrom(999, 1000, 1001, 5000, 15_000, 17_000, 40_000)
  .chain((length) =>
    fc
      .constantFrom("x", "%41", "é", "../", ",")
      .map((unit) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)),
  );

/** Any value a hostile client could put in a parameter or a path segment (not yet encoded). */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...REAL_VALUES) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS, ...BIG_NUMBERS) },
  { weight: 5, arbitrary: fc.constantFrom(...TRICKS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: longValue },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...REAL_VALUES, ...TRICKS), fc.constantFrom(...TRICKS, ...NUMBERS))
      .map(([a, b]) => a + b),
  },
);

const encoding: fc.Arbitrary<Encoding> = fc.constantFrom<Encoding>(
  "component",
  "component",
  "component",
  "twice",
  "uri",
  "raw",
);

export interface HostileRequest {
  method: string;
  route: RouteSpec;
  /** The request target exactly as sent (may hold raw control characters and non-ASCII bytes). */
  target: string;
  headers: [string, string][];
  body: string;
}

/** A value that is often right for the parameter, so requests get past validation and reach the engine. */
const plausibleValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...REAL_VALUES, ...NUMBERS) },
  { weight: 2, arbitrary: hostileValue },
);

const parameterName = (route: RouteSpec): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: route.params.length ? fc.constantFrom(...route.params) : fc.constant("q") },
    { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "q[]", "limit[a]", "", "=", "a.b", "%71") },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );

const parameter = (route: RouteSpec, values: fc.Arbitrary<string>): fc.Arbitrary<[string, string]> =>
  fc
    .tuple(parameterName(route), fc.option(values, { nil: undefined, freq: 10 }), encoding)
    .map(([name, value, how]): [string, string] => [
      name,
      value === undefined
        ? encode(name, how === "raw" ? "raw" : "component")
        : `${encode(name, "component")}=${encode(value, how)}`,
    ]);

const pathSegment = (values: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(values, encoding).map(([value, how]) => encode(value, how));

const header: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.constantFrom<[string, string]>(
    ["Accept", "application/json"],
    ["Accept", "*/*;q=abc"],
    ["Accept-Encoding", "gzip, br, zstd"],
    ["Origin", "http://evil.example"],
    ["Range", "bytes=0-10"],
    ["Range", "bytes=-1,-2,-3,99999999999-"],
    ["If-None-Match", "*"],
    ["If-Modified-Since", "not a date"],
    ["Content-Type", "application/json"],
    ["X-Forwarded-For", "1.2.3.4"],
    ["Cookie", "a=b; __proto__=x"],
  ),
  fc
    .tuple(fc.constantFrom("X-Big", "Cookie", "Referer"), fc.constantFrom(100, 10_000, 40_000))
    .map(([name, size]): [string, string] => [name, "a".repeat(size)]),
  fc
    .tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/), fc.string({ maxLength: 40 }))
    .map(([name, value]): [string, string] => [name, value.replace(/[\r\n]/g, " ")]),
);

/** Cypher texts that parse and run, that do not parse, that name what the graph lacks or that work hard. */
const QUERIES = [
  "MATCH (who)-[r:declined]->(what) RETURN who.label, r.what, what.label",
  "MATCH (r:recommendation)-[:`addressed-to`]->(a) RETURN a.label, count(r)",
  "MATCH (d:document)-[c:cites]->(v:document {symbol: $symbol}) RETURN d, c, v",
  "MATCH (s:state {id: $id}) RETURN s",
  "MATCH p = (a)-[*1..8]-(b) RETURN p",
  "MATCH (a)-[*1..8]-(b) RETURN count(*)",
  "MATCH (n) WHERE n.label STARTS WITH $prefix RETURN n ORDER BY n.label SKIP 1 LIMIT 5",
  "MATCH (n:State) RETURN n",
  "MATCH (n) RETURN n LIMIT",
  "MATCH (n) DETACH DELETE n",
  "CALL db.labels()",
  "MATCH (n {id: $id}) RETURN n.nope",
  "RETURN $list",
];

/** A value for a `$parameter`: strings, numbers, lists, and what a parameter may not be. */
const parameterValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...REAL_VALUES, ...TRICKS),
  fc.constantFrom(0, -1, 1.5, 2 ** 53, 1e308, true, null),
  fc.constantFrom([], ["state:prk", 1], [[null]], { id: "state:prk" }, { __proto__: 1 }),
  fc.string({ maxLength: 20 }),
);

/** A JSON body for the query routes: nearly right, with keys and values often wrong. */
const queryBody: fc.Arbitrary<string> = fc
  .record(
    {
      query: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...QUERIES) },
        { weight: 1, arbitrary: hostileValue },
        { weight: 1, arbitrary: fc.constantFrom(42, null, [], {}) },
      ),
      params: fc.oneof(
        fc.dictionary(fc.constantFrom("id", "symbol", "prefix", "list", "__proto__", ""), parameterValue, {
          maxKeys: 3,
        }),
        fc.constantFrom(null, [], "x"),
      ),
      timeBudgetMs: fc.constantFrom(0, 1, 200, 5000, 5001, -1, "1"),
      maxRows: fc.constantFrom(1, 10, 10_000, 0, 10_001, 1.5),
      extra: fc.constant(1),
    },
    { requiredKeys: [] },
  )
  .map((body) => JSON.stringify(body));

/**
 * A request that is nearly right: a known route, a plausible id, accepted parameter names given once, with values
 * that are often valid. These get past validation and reach the query engine and the exporters.
 */
const plausibleRequest: fc.Arbitrary<HostileRequest> = fc.constantFrom(...ROUTES).chain((route) =>
  fc
    .record({
      segment: pathSegment(plausibleValue),
      params: fc.uniqueArray(parameter(route, plausibleValue), {
        maxLength: Math.min(4, route.params.length),
        selector: ([name]) => name,
      }),
      headers: fc.array(header, { maxLength: 1 }),
      body: queryBody,
    })
    .map(({ segment, params, headers, body }): HostileRequest => {
      const path = route.path.replace("{id}", segment).replace("{file}", segment);
      const query = params.map(([, text]) => text).join("&");
      const target = query ? `${path}?${query}` : path;
      if (route.method !== "POST") return { method: "GET", route, target, headers, body: "" };
      const json: [string, string][] = [
        ["Content-Type", "application/json"],
        ["Content-Length", String(Buffer.byteLength(body))],
      ];
      return { method: "POST", route, target, headers: [...headers, ...json], body };
    }),
);

/** A request that is wrong in every way at once: odd methods, extra segments, repeated and unknown parameters. */
const wildRequest: fc.Arbitrary<HostileRequest> = fc
  .record({
    method: fc.oneof(
      { weight: 8, arbitrary: fc.constant("GET") },
      { weight: 3, arbitrary: fc.constantFrom("HEAD", "POST", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE") },
      { weight: 1, arbitrary: fc.constantFrom("get", "FOO", "CONNECT", "PROPFIND") },
    ),
    route: fc.constantFrom(...ROUTES),
    segment: pathSegment(hostileValue),
    extraSegments: fc.oneof(
      { weight: 3, arbitrary: fc.constant([] as string[]) },
      { weight: 1, arbitrary: fc.array(pathSegment(hostileValue), { minLength: 1, maxLength: 3 }) },
    ),
    trailing: fc.constantFrom("", "", "", "", "/", "//", "/.", "/..", "%2f", "?", "#x", ";a=b"),
    headers: fc.array(header, { maxLength: 3 }),
    body: fc.constantFrom("", "", "", "{", '{"a":1}', "x".repeat(2000)),
  })
  .chain((r) =>
    fc.array(parameter(r.route, hostileValue), { maxLength: 6 }).map((params): HostileRequest => {
      let path = r.route.path.replace("{id}", r.segment).replace("{file}", r.segment);
      if (r.extraSegments.length) path += `/${r.extraSegments.join("/")}`;
      path += r.trailing;
      const query = params.map(([, text]) => text).join("&");
      const headers: [string, string][] = r.body
        ? [...r.headers, ["Content-Length", String(Buffer.byteLength(r.body))]]
        : r.headers;
      return { method: r.method, route: r.route, target: query ? `${path}?${query}` : path, headers, body: r.body };
    }),
  );

/** One hostile request for any route: nearly right half the time, wrong in every way the other half. */
export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.oneof(plausibleRequest, wildRequest);

/** Attempts to read files outside web/dist through the static file server. */
export const TRAVERSAL_TARGETS: readonly string[] = [
  "/../package.json",
  "/../../../../etc/passwd",
  "/assets/../../package.json",
  "/..%2fpackage.json",
  "/%2e%2e/package.json",
  "/%2e%2e%2fpackage.json",
  "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "/assets/%2e%2e/%2e%2e/package.json",
  "/%252e%252e/package.json",
  "/%252e%252e%252fpackage.json",
  "/..\\package.json",
  "/assets/..\\..\\package.json",
  "/..%5cpackage.json",
  "/assets/..%5c..%5cpackage.json",
  "/%c0%ae%c0%ae/package.json",
  "/%c0%ae%c0%ae%c0%afpackage.json",
  "/..%c0%afpackage.json",
  "/....//package.json",
  "/..;/package.json",
  "/.%2e/package.json",
  "/%00/../package.json",
  "/index.html%00.json",
  "/../package.json%00.html",
  "/%2fetc%2fpasswd",
  "//etc/passwd",
  "/etc/passwd",
  "/../src/server/create-app.ts",
  "/../graph-data/schema.yaml",
  "/.git/config",
  "/%2e/%2e%2e/package.json",
  "/assets/%2e%2e%5c%2e%2e%5cpackage.json",
  "/..%255cpackage.json",
  "/..%u2216package.json",
  "/%uff0e%uff0e/package.json",
  "/．．/package.json",
  "/file:///etc/passwd",
  "/assets/../../../../../../../../../../etc/passwd",
];
