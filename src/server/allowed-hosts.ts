// Which Host headers the server answers (against DNS rebinding: a page on another site whose name is made to
// point at this machine sends its own name as Host, and is refused). Allowed: the address the server listens on,
// `localhost`, and names given with --allowed-hosts. The port is not checked: the name is what a rebinding fakes.
import { isIP } from "node:net";
import { RightsGraphError } from "../errors";
import { ParameterError } from "../errors";

/** A host name (letters, digits, dots, hyphens) or an IP address, as --allowed-hosts takes them. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** The addresses that mean "every interface": listening there, the machine's own addresses are allowed too. */
const WILDCARDS = new Set(["0.0.0.0", "::", "[::]", ""]);

/** True for a listen address that means every interface (0.0.0.0, ::). */
export function isEveryInterface(host: string): boolean {
  return WILDCARDS.has(host);
}

/** An allowed name as it appears in a Host header: lower case, IPv6 addresses in brackets. */
function asHostHeader(name: string): string {
  const lower = name.toLowerCase();
  return isIP(lower) === 6 ? `[${lower}]` : lower;
}

/** Throws a ParameterError unless every name is a host name or an IP address. */
export function checkAllowedHosts(names: readonly string[]): void {
  for (const name of names) {
    if (!HOST_NAME.test(name) && isIP(name.replace(/^\[(.*)\]$/, "$1")) === 0) {
      throw new ParameterError(
        "allowedHosts",
        `allowed hosts: "${name.slice(0, 100)}" is not a host name or an IP address (give names like analysts.example, without port)`,
      );
    }
  }
}

export interface HostSettings {
  /** The host the server was asked to listen on (`--host`), as given. */
  host: string;
  /** The address it listens on (from `server.address()`). */
  address: string;
  /** Names from --allowed-hosts and RIGHTSGRAPH_ALLOWED_HOSTS. */
  configured: readonly string[];
  /** The machine's own addresses; used only when listening on every interface. */
  interfaceAddresses: () => string[];
}

/**
 * The Host names the server answers: `localhost`, the listen host and address, configured names, and when
 * listening on every interface (0.0.0.0 or ::) the machine's own IP addresses as found at start-up. DNS names of
 * the machine are never guessed: they must be configured.
 */
export function allowedHostNames(settings: HostSettings): Set<string> {
  const names = ["localhost", settings.host, settings.address, ...settings.configured];
  if (WILDCARDS.has(settings.host) || WILDCARDS.has(settings.address)) names.push(...settings.interfaceAddresses());
  return new Set(names.filter((name) => !WILDCARDS.has(name)).map(asHostHeader));
}

/** The host part of a Host header, lower case (`[::1]` for IPv6), or null when the header is malformed. */
export function hostOf(header: string): string | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]\s]+)(?::\d{0,5})?$/i.exec(header);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * Checks a request's Host header: an HTTP/1.1 request without one is malformed (RFC 9112); a Host not allowed is
 * refused as misdirected (421). HTTP/1.0 requests may lack it: no browser sends those.
 */
export function checkHost(allowed: ReadonlySet<string>, header: string | undefined, httpVersion: string): void {
  if (header === undefined) {
    if (httpVersion === "1.0") return;
    throw new RightsGraphError("missing-host", "an HTTP/1.1 request needs a Host header");
  }
  const host = hostOf(header);
  if (host === null || !allowed.has(host)) {
    throw new RightsGraphError(
      "host-not-allowed",
      `this server does not answer for the host "${header.slice(0, 200)}"; ` +
        "if it should, start it with --allowed-hosts (or RIGHTSGRAPH_ALLOWED_HOSTS) naming that host",
    );
  }
}
