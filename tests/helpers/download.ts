// GET a download from the in-process app with supertest, its body kept as raw bytes whatever the content type.
import type { Express } from "express";
import request from "supertest";

/** A supertest parser that keeps the body as raw bytes. */
export const binaryParser = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => cb(null, Buffer.concat(chunks)));
};

/** The answer to GET `url`, with `body` as a Buffer. */
export function download(app: Express, url: string) {
  return request(app).get(url).buffer(true).parse(binaryParser);
}
