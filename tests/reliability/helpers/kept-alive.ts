// A raw keep-alive connection: sends requests one after another on the same socket and reads each answer whole,
// so a test can hold connections open on purpose.
import net from "node:net";
import { parseAnswer, type RawAnswer } from "./raw-http";

export interface KeptAlive {
  socket: net.Socket;
  /** Sends the bytes of one request and resolves with its answer; rejects if the connection closes first. */
  send(request: string): Promise<RawAnswer>;
  /** Resolves when the server has closed the connection. */
  closed: Promise<void>;
}

/** Opens a connection to 127.0.0.1:port and resolves once it is connected. */
export function keptAlive(port: number): Promise<KeptAlive> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    let buffer = Buffer.alloc(0);
    let waiting: { method: string; resolve: (answer: RawAnswer) => void; reject: (error: Error) => void } | null = null;
    const closed = new Promise<void>((done) => socket.once("close", () => done()));
    socket.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!waiting) return;
      const answer = parseAnswer(buffer, waiting.method);
      if (!answer) return;
      buffer = Buffer.alloc(0);
      const { resolve: answered } = waiting;
      waiting = null;
      answered(answer);
    });
    socket.on("close", () => {
      if (!waiting) return;
      // A last answer that ends with the connection (Connection: close) is complete once it closes.
      const answer = parseAnswer(buffer, waiting.method);
      if (answer) waiting.resolve(answer);
      else waiting.reject(new Error(`connection closed after ${buffer.length} bytes`));
      waiting = null;
    });
    socket.on("error", () => undefined);
    socket.once("connect", () =>
      resolve({
        socket,
        closed,
        send(request) {
          return new Promise((answered, failed) => {
            waiting = { method: request.split(" ")[0]!, resolve: answered, reject: failed };
            socket.write(request);
          });
        },
      }),
    );
    socket.once("error", reject);
  });
}
