// Which Host headers the server answers: its own address, localhost and configured names; a name a DNS rebinding
// could send is refused.
import { describe, expect, it } from "vitest";
import { allowedHostNames, checkAllowedHosts, checkHost, hostOf } from "../../src/server";

const loopback = (configured: string[] = []) =>
  allowedHostNames({ host: "127.0.0.1", address: "127.0.0.1", configured, interfaceAddresses: () => [] });

describe("checkAllowedHosts", () => {
  it("refuses a name with a port, a path, a wildcard or spaces, naming it", () => {
    for (const name of ["a.example:80", "a.example/x", "*.example", "a example", "", "-a.example", "a..example"]) {
      expect(() => checkAllowedHosts([name]), name).toThrow(
        expect.objectContaining({ code: "bad-parameter", parameter: "allowedHosts" }),
      );
    }
  });

  it("takes host names and IPv4 and IPv6 addresses", () => {
    expect(() => checkAllowedHosts(["analysts.example", "box", "10.0.0.5", "::1", "[fe80::1]"])).not.toThrow();
  });
});

describe("hostOf", () => {
  it("takes the host from a Host header, with or without port, lower case", () => {
    expect(hostOf("127.0.0.1")).toBe("127.0.0.1");
    expect(hostOf("LocalHost:3000")).toBe("localhost");
    expect(hostOf("[::1]:8080")).toBe("[::1]");
    expect(hostOf("[::1]")).toBe("[::1]");
  });

  it("gives null for a malformed header", () => {
    for (const header of ["", "a:b:c", "::1", "a b", "[::1", "host:port"]) expect(hostOf(header), header).toBeNull();
  });
});

describe("allowedHostNames", () => {
  it("allows the listen address and localhost when listening on the loopback", () => {
    expect([...loopback()].sort()).toEqual(["127.0.0.1", "localhost"]);
  });

  it("adds configured names, lower case, IPv6 in brackets", () => {
    expect([...loopback(["Analysts.Example", "::1"])].sort()).toEqual([
      "127.0.0.1",
      "[::1]",
      "analysts.example",
      "localhost",
    ]);
  });

  it("allows the machine's own addresses, not its DNS names, when listening on every interface", () => {
    const names = allowedHostNames({
      host: "0.0.0.0",
      address: "0.0.0.0",
      configured: [],
      interfaceAddresses: () => ["127.0.0.1", "192.168.1.20", "fe80::1"],
    });
    expect([...names].sort()).toEqual(["127.0.0.1", "192.168.1.20", "[fe80::1]", "localhost"]);
    expect(names.has("0.0.0.0")).toBe(false);
  });

  it("asks the machine's addresses only when listening on every interface", () => {
    const asked: string[] = [];
    allowedHostNames({
      host: "localhost",
      address: "::1",
      configured: [],
      interfaceAddresses: () => {
        asked.push("asked");
        return [];
      },
    });
    expect(asked).toEqual([]);
  });
});

describe("checkHost", () => {
  const allowed = loopback(["analysts.example"]);

  it("refuses a Host it does not serve as misdirected, naming it", () => {
    for (const header of ["evil.example", "evil.example:3000", "127.0.0.2", "localhost.evil.example", "a:b:c"]) {
      expect(() => checkHost(allowed, header, "1.1"), header).toThrow(
        expect.objectContaining({ code: "host-not-allowed" }),
      );
    }
  });

  it("refuses an HTTP/1.1 request without Host, and lets an HTTP/1.0 one through", () => {
    expect(() => checkHost(allowed, undefined, "1.1")).toThrow(expect.objectContaining({ code: "missing-host" }));
    expect(() => checkHost(allowed, undefined, "1.0")).not.toThrow();
  });

  it("answers its own names with any port", () => {
    for (const header of ["127.0.0.1", "127.0.0.1:3000", "localhost", "LOCALHOST:1", "analysts.example:443"])
      expect(() => checkHost(allowed, header, "1.1"), header).not.toThrow();
  });
});
