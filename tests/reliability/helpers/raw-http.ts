// A deliberately naive HTTP/1.1 client over a raw socket: sends any bytes at all (no URL checks, no
// normalisation), reads the whole answer, and reports a hang when nothing complete arrives in time.
import net from "node:net";

export interface RawAnswer {
  type: "answer";
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The server closed the connection without a status line, or the client gave up waiting. */
export type RawOutcome =
  RawAnswer | { type: "closed"; received: number } | { type: "hang"; received: number; waitedMs: number };

/** Decodes a chunked body; null when the chunks are cut short or malformed. */
function dechunk(raw: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf("\r\n", at);
    if (lineEnd < 0) return null;
    const size = parseInt(raw.subarray(at, lineEnd).toString("latin1").split(";")[0]!, 16);
    if (!Number.isFinite(size)) return null;
    at = lineEnd + 2;
    if (size === 0) return Buffer.concat(parts);
    if (raw.length < at + size + 2) return null;
    parts.push(raw.subarray(at, at + size));
    at += size + 2;
  }
}

/** Parses a complete answer (the connection is closed by then); null when it is incomplete or not HTTP. */
export function parseAnswer(raw: Buffer, method: string): RawAnswer | null {
  const headEnd = raw.indexOf("\r\n\r\n");
  if (headEnd < 0) return null;
  const [statusLine, ...lines] = raw.subarray(0, headEnd).toString("latin1").split("\r\n");
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine!);
  if (!match) return null;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(match[1]);
  let body = raw.subarray(headEnd + 4);
  if (method === "HEAD" || status === 204 || status === 304) body = Buffer.alloc(0);
  else if (/chunked/i.test(headers["transfer-encoding"] ?? "")) {
    const decoded = dechunk(body);
    if (decoded === null) return null;
    body = decoded;
  } else if (headers["content-length"] !== undefined) {
    const length = Number(headers["content-length"]);
    if (body.length < length) return null;
    body = body.subarray(0, length);
  }
  return { type: "answer", status, headers, body };
}

/**
 * Sends `request` (the exact bytes of an HTTP request; it should say `Connection: close`) to 127.0.0.1:port and
 * waits for the server to close the connection. Gives up after `timeoutMs` and reports a hang.
 */
export function rawRequest(
  port: number,
  request: Buffer | string,
  method: string,
  timeoutMs = 5000,
): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const socket = net.connect({ host: "127.0.0.1", port });
    const finish = (outcome: RawOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ type: "hang", received, waitedMs: timeoutMs }), timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
    });
    // A reset after a complete answer (the server closing on a request it refused) is still that answer.
    const end = (): void => {
      const answer = parseAnswer(Buffer.concat(chunks), method);
      finish(answer ?? { type: "closed", received });
    };
    socket.on("end", end);
    socket.on("error", end);
    socket.on("close", end);
    socket.write(request);
  });
}

/** The bytes of a request: request line, headers (Host and Connection: close unless given), then the body. */
export function requestBytes(
  method: string,
  target: string | Buffer,
  headers: [string, string][] = [],
  body: Buffer | string = "",
): Buffer {
  const names = new Set(headers.map(([name]) => name.toLowerCase()));
  const all: [string, string][] = [
    ...(names.has("host") ? [] : ([["Host", "127.0.0.1"]] as [string, string][])),
    ...headers,
    ...(names.has("connection") ? [] : ([["Connection", "close"]] as [string, string][])),
  ];
  const head = all.map(([name, value]) => `${name}: ${value}\r\n`).join("");
  return Buffer.concat([
    Buffer.from(`${method} `, "latin1"),
    Buffer.isBuffer(target) ? target : Buffer.from(target, "utf8"),
    Buffer.from(` HTTP/1.1\r\n${head}\r\n`, "latin1"),
    Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"),
  ]);
}
