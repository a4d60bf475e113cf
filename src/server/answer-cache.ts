// Finished answers of the read-only GET routes, kept as the bytes sent, per graph served. The graph a context serves
// never changes (an edit or a reload makes a new context, and with it a new cache), so the same request URL always
// gets the same answer: the second time it is copied from here instead of searched, built and written again.
import type { IncomingMessage, ServerResponse } from "node:http";

/** An answer as sent: its type, its download name when it is one, and its body. */
export interface KeptAnswer {
  contentType: string;
  disposition?: string;
  bytes: Buffer;
}

export interface AnswerCacheOptions {
  /** Bytes of answers kept at most; the least recently used go first. */
  maxBytes: number;
  /** An answer larger than this is not kept (it would push out many small ones). */
  maxAnswerBytes: number;
}

export const DEFAULT_ANSWER_CACHE_OPTIONS: Readonly<AnswerCacheOptions> = Object.freeze({
  maxBytes: 16 * 1024 * 1024,
  maxAnswerBytes: 512 * 1024,
});

/** Answers by request URL, bounded in bytes, least recently used out first. */
export class AnswerCache {
  private readonly answers = new Map<string, KeptAnswer>();
  private heldBytes = 0;

  constructor(readonly options: AnswerCacheOptions = DEFAULT_ANSWER_CACHE_OPTIONS) {}

  /** Bytes of the answers held now. */
  get bytes(): number {
    return this.heldBytes;
  }

  get size(): number {
    return this.answers.size;
  }

  get(url: string): KeptAnswer | undefined {
    const answer = this.answers.get(url);
    if (answer === undefined) return undefined;
    // A Map iterates in insertion order: inserted again, the answer is the most recently used.
    this.answers.delete(url);
    this.answers.set(url, answer);
    return answer;
  }

  /** Keeps `answer` for `url`, unless it is larger than `maxAnswerBytes`. */
  set(url: string, answer: KeptAnswer): void {
    const size = answer.bytes.length + url.length;
    if (size > this.options.maxAnswerBytes) return;
    const old = this.answers.get(url);
    if (old !== undefined) {
      this.answers.delete(url);
      this.heldBytes -= old.bytes.length + url.length;
    }
    this.answers.set(url, answer);
    this.heldBytes += size;
    for (const [oldest, kept] of this.answers) {
      if (this.heldBytes <= this.options.maxBytes) break;
      this.answers.delete(oldest);
      this.heldBytes -= kept.bytes.length + oldest.length;
    }
  }
}

/** A cache for each graph served (whatever object stands for it): a new graph starts empty, the old one's goes with it. */
export class AnswerCaches {
  private readonly caches = new WeakMap<object, AnswerCache>();

  constructor(readonly options: AnswerCacheOptions = DEFAULT_ANSWER_CACHE_OPTIONS) {}

  /** The cache of `graph`'s answers, or undefined when none are kept (`maxBytes` 0). */
  of(graph: object): AnswerCache | undefined {
    if (this.options.maxBytes <= 0) return undefined;
    let cache = this.caches.get(graph);
    if (!cache) this.caches.set(graph, (cache = new AnswerCache(this.options)));
    return cache;
  }
}

/**
 * The routes whose GET answers depend only on the graph and the request URL: health, search, a node, a
 * neighbourhood, path queries, the graph view and exports. Not the event stream, the edit API or Cypher (POST); a
 * route whose answer depends on more, at times, says so with `doNotKeepAnswer` (edit mode's health, with the count of
 * problems on disk; a path search cut short).
 */
const KEPT_ROUTES = /^\/api\/(?:health|search|paths|export|graph|nodes\/[^/?]+(?:\/neighbors)?)(?:\?|$)/;

/** Where a request's answer is to be kept, from when its route is called until it is sent. */
const pending = new WeakMap<IncomingMessage, { cache: AnswerCache; url: string }>();

/** True for a request whose answer may be kept or copied: a GET of one of the kept routes. */
export function isKeptRequest(req: IncomingMessage, url: string): boolean {
  return req.method === "GET" && KEPT_ROUTES.test(url);
}

/** Says that the answer `req` will get is to be kept in `cache` under `url`, if its route sends it whole. */
export function keepAnswerOf(req: IncomingMessage, cache: AnswerCache, url: string): void {
  pending.set(req, { cache, url });
}

/**
 * Says that the answer `req` will get must not be kept: it depends on more than the graph and the URL (a path
 * search cut short by its time budget would have found more another time).
 */
export function doNotKeepAnswer(req: IncomingMessage): void {
  pending.delete(req);
}

/** Called as an answer is sent (200, whole): keeps it if its request asked for that. */
export function keptAnswerSent(res: ServerResponse, bytes: Buffer): void {
  const place = pending.get(res.req);
  if (place === undefined) return;
  pending.delete(res.req);
  const contentType = res.getHeader("Content-Type");
  const disposition = res.getHeader("Content-Disposition");
  if (typeof contentType !== "string") return;
  place.cache.set(place.url, {
    contentType,
    ...(typeof disposition === "string" ? { disposition } : {}),
    // A small buffer is a slice of Node's shared pool: kept, it would hold the whole pool's memory.
    bytes: bytes.byteLength < bytes.buffer.byteLength ? Buffer.copyBytesFrom(bytes) : bytes,
  });
}

/** What a streamed answer's pieces are given to, to keep the answer whole once it has all gone out. */
export interface AnswerCollector {
  add(piece: Buffer): void;
  /** The last piece has been sent: keeps the answer, unless it grew past the cache's limit for one. */
  finished(res: ServerResponse): void;
}

/** A collector for the answer `req` will stream, or undefined when it is not to be kept. */
export function answerCollector(req: IncomingMessage): AnswerCollector | undefined {
  const place = pending.get(req);
  if (place === undefined) return undefined;
  let pieces: Buffer[] | null = [];
  let size = 0;
  return {
    add(piece) {
      if (pieces === null) return;
      size += piece.length;
      // Past the limit nothing more is held: a long answer streams without a copy growing beside it.
      if (size > place.cache.options.maxAnswerBytes) pieces = null;
      else pieces.push(piece);
    },
    finished(res) {
      if (pieces !== null) keptAnswerSent(res, Buffer.concat(pieces));
      else pending.delete(req);
    },
  };
}

/** Answers 200 with a kept answer, as its route answered it first. */
export function sendKeptAnswer(res: ServerResponse, answer: KeptAnswer): void {
  res.statusCode = 200;
  res.setHeader("Content-Type", answer.contentType);
  if (answer.disposition !== undefined) res.setHeader("Content-Disposition", answer.disposition);
  res.setHeader("Content-Length", answer.bytes.length);
  res.end(answer.bytes);
}
