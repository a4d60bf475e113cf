// A zip archive of text files, streamed: each file's text is compressed by zlib as it comes (native code, on
// libuv's worker threads, so the event loop only makes the text) and wrapped in fflate's zip container.
import { once } from "node:events";
import { crc32, createDeflateRaw, type ZlibOptions } from "node:zlib";
import { Zip, type AsyncFlateStreamHandler, type ZipInputFile } from "fflate";

/** One file of the archive: its name and its text, in pieces ("" pieces are pauses, passed on as they are). */
export interface ZipTextFile {
  name: string;
  text: Iterable<string>;
}

export interface ZipTextOptions {
  /** Every file's modification time: a fixed one makes the same text give the same bytes. */
  mtime: Date;
  /** zlib's compression level, 1 (fast) to 9 (small). */
  level: number;
}

// Text is compressed in pieces of about this many UTF-16 code units.
const BATCH = 64 * 1024;
// The zip format without its 64-bit extension counts sizes in 32 bits.
const MAX_ZIP32_SIZE = 0xffffffff;

/** A file whose deflated bytes we hand to fflate's container ourselves; crc and size are set before the end. */
class DeflatedFile implements ZipInputFile {
  readonly compression = 8;
  crc = 0;
  size = 0;
  ondata: AsyncFlateStreamHandler = () => undefined;

  constructor(
    readonly filename: string,
    readonly mtime: Date,
  ) {}
}

/**
 * The bytes of a zip archive holding `files`, in order, as they are produced: each file's text is deflated by a
 * zlib stream of its own and the archive's bytes are yielded after each compressed piece. Stopping early (`return`)
 * frees the zlib stream. A file over 4 GB is refused (an error) rather than written as a corrupt archive.
 */
export async function* zipTextFiles(
  files: Iterable<ZipTextFile>,
  options: ZipTextOptions,
): AsyncGenerator<Uint8Array | "", void, undefined> {
  const produced: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure ??= error;
    else produced.push(data);
  });
  const take = (): Uint8Array[] => {
    if (failure) throw failure;
    return produced.splice(0);
  };

  for (const { name, text } of files) {
    const file = new DeflatedFile(name, options.mtime);
    zip.add(file);
    // Room for a few pieces, so the next one is made while zlib compresses the last.
    // (zlib passes stream options on to its Transform; its typings only list zlib's own.)
    const streamOptions = { level: options.level, writableHighWaterMark: 4 * BATCH } as ZlibOptions;
    const deflate = createDeflateRaw(streamOptions);
    deflate.on("data", (chunk: Uint8Array<ArrayBuffer>) => file.ondata(null, chunk, false));
    let crc = 0;
    let size = 0;
    /** Hands a piece to zlib; resolves at once unless zlib is that far behind. */
    const compress = async (piece: string): Promise<void> => {
      const bytes = Buffer.from(piece, "utf8");
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (size > MAX_ZIP32_SIZE) throw new Error(`zip: ${name} is larger than the zip format's 4 GB`);
      if (!deflate.write(bytes)) await once(deflate, "drain");
    };
    try {
      let pending = "";
      for (const piece of text) {
        if (piece === "") {
          yield "";
          continue;
        }
        pending += piece;
        if (pending.length < BATCH) continue;
        await compress(pending);
        pending = "";
        // Also a pause between two pieces when zlib has nothing to hand on yet.
        yield "";
        yield* take();
      }
      await compress(pending);
      const ended = once(deflate, "end");
      deflate.end();
      await ended;
      file.crc = crc;
      file.size = size;
      file.ondata(null, new Uint8Array(0), true);
      yield* take();
    } finally {
      deflate.destroy();
    }
  }
  zip.end();
  yield* take();
}
