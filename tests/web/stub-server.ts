// A stand-in for the server under the web's API client in unit tests: fetch records each URL asked and answers one
// JSON body, and the "show suggestions" switch is a flag the test sets.
import { vi } from "vitest";
import { followSuggestionsSwitch } from "../../web/src/api/index.js";

export interface StubServer {
  /** The URLs asked, in order. */
  readonly asked: URL[];
  /** The switch as the client reads it. */
  showing: boolean;
  /** Puts fetch and the switch back. */
  restore(): void;
}

export function stubServer(body: unknown): StubServer {
  const stub: StubServer = {
    asked: [],
    showing: false,
    restore() {
      vi.unstubAllGlobals();
      followSuggestionsSwitch(() => false);
    },
  };
  followSuggestionsSwitch(() => stub.showing);
  vi.stubGlobal("fetch", async (url: string) => {
    stub.asked.push(new URL(url, "http://x"));
    return new Response(JSON.stringify(body), { status: 200 });
  });
  return stub;
}
