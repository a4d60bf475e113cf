// The security headers every answer carries: helmet's, with this app's Content-Security-Policy. They never change,
// so helmet works them out once, at start-up, and each request sets them from the list: helmet's own middleware is a
// chain of a dozen middlewares, a call and a `next` each at every request.
import type { IncomingMessage, ServerResponse } from "node:http";
import helmet, { type HelmetOptions } from "helmet";

const HELMET_OPTIONS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:", "blob:"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
};

/** The headers helmet sets for these options, in its order, found by running its middleware once. */
function helmetHeaders(): readonly (readonly [string, string])[] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string) => void headers.set(name, value),
    // The only header helmet removes is X-Powered-By, which the app never sets.
    removeHeader: () => undefined,
  };
  let finished = false;
  helmet(HELMET_OPTIONS)({} as IncomingMessage, recorder as unknown as ServerResponse, () => (finished = true));
  // Every directive is a fixed string: with a function among them helmet would work per request, and could not be
  // worked out once.
  if (!finished || headers.size === 0) throw new Error("security headers: helmet did not set its headers at once");
  return [...headers];
}

/** Name and value of each security header, in the order helmet sets them. */
export const SECURITY_HEADERS = helmetHeaders();

/** Sets the security headers on `res`. */
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
}
