// The shared helpers: FNV-1a as published, and one seeded stream that every user draws the same numbers from.
import { describe, expect, it } from "vitest";
import { hashString, mulberry32, SeededRandom } from "../../src/common";

describe("hashString", () => {
  it("is FNV-1a 32: the published test vectors for ASCII text", () => {
    expect(hashString("")).toBe(0x811c9dc5);
    expect(hashString("a")).toBe(0xe40c292c);
    expect(hashString("foobar")).toBe(0xbf9cf968);
  });

  it("mixes a seed into the hash, so the same text with two seeds gives two numbers", () => {
    expect(hashString("state:prk", 1)).not.toBe(hashString("state:prk", 2));
    expect(hashString("state:prk", 7)).toBe(hashString("state:prk", 7));
  });
});

describe("mulberry32 and SeededRandom", () => {
  it("give the same stream for the same seed and another for another seed, in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const drawn = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(drawn);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(drawn);
    expect(drawn.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("draw SeededRandom's numbers from the mulberry32 stream of its seed", () => {
    const stream = mulberry32(9);
    const random = new SeededRandom(9);
    for (let i = 0; i < 100; i++) expect(random.next()).toBe(stream());
    const ints = Array.from({ length: 500 }, () => random.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
  });
});
