// The check `npm test` runs first, on pretend machines: what it installs where it may, and the one line it prints
// where it may not.
import { describe, expect, it } from "vitest";
import { chromiumPath, ensureTestTools, type ToolHost } from "../../scripts/test-tools";

interface Machine {
  env?: NodeJS.ProcessEnv;
  isRoot?: boolean;
  chromium?: boolean;
  python3?: boolean;
  networkx?: boolean;
  /** pip reaches a package index (PyPI is not reachable from every machine). */
  pipWorks?: boolean;
  /** python3 on the PATH is Debian's, so python3-networkx serves it. */
  debianPython?: boolean;
  aptGet?: boolean;
}

/** A pretend machine: its tools appear when the check installs them; every command and line is recorded. */
function machine(spec: Machine): ToolHost & { commands: string[]; said: string[] } {
  const state = {
    files: new Set(spec.chromium ? ["/usr/bin/chromium"] : []),
    python3: spec.python3 ?? true,
    networkx: spec.networkx ?? true,
  };
  const commands: string[] = [];
  const said: string[] = [];
  return {
    env: spec.env ?? {},
    isRoot: spec.isRoot ?? false,
    commands,
    said,
    isExecutable: (file) => state.files.has(file),
    onPath: (command) =>
      command === "python3" ? state.python3 : command === "apt-get" ? (spec.aptGet ?? true) : false,
    run(command, args) {
      const line = [command, ...args].join(" ");
      if (line === "python3 -c import networkx") return state.python3 && state.networkx;
      commands.push(line);
      if (command === "python3") {
        if (!state.python3 || !spec.pipWorks) return false;
        state.networkx = true;
        return true;
      }
      if (line.startsWith("apt-get install")) {
        if (args.includes("chromium")) state.files.add("/usr/bin/chromium");
        if (args.includes("python3-networkx") && (spec.debianPython || !state.python3)) {
          state.python3 = true;
          state.networkx = true;
        }
      }
      return command === "apt-get";
    },
    say: (line) => said.push(line),
  };
}

describe("the test tools check, where it may not install", () => {
  it("names the Chromium command for a person without root", () => {
    const host = machine({ chromium: false, isRoot: false });
    expect(ensureTestTools(host)).toEqual({
      type: "missing",
      message:
        "npm test needs Chromium at /usr/bin/chromium (run: sudo apt-get install -y chromium, or set RIGHTSGRAPH_CHROMIUM to a Chromium binary)",
    });
    expect(host.commands).toEqual([]);
  });

  it("installs nothing for a RIGHTSGRAPH_CHROMIUM that points at a missing file, and says so", () => {
    const host = machine({ chromium: true, isRoot: true, env: { RIGHTSGRAPH_CHROMIUM: "/opt/none/chrome" } });
    expect(ensureTestTools(host)).toEqual({
      type: "missing",
      message:
        "npm test needs RIGHTSGRAPH_CHROMIUM=/opt/none/chrome is not an executable file (point it at Chromium, or unset it to use /usr/bin/chromium)",
    });
    expect(host.commands).toEqual([]);
  });

  it("names both commands in one line when root has no apt-get and pip cannot reach an index", () => {
    const host = machine({ chromium: false, networkx: false, isRoot: true, aptGet: false, pipWorks: false });
    const check = ensureTestTools(host);
    expect(check).toEqual({
      type: "missing",
      message:
        "npm test needs Chromium at /usr/bin/chromium (run: sudo apt-get install -y chromium, or set RIGHTSGRAPH_CHROMIUM to a Chromium binary); " +
        "and networkx for python3 (run: python3 -m pip install networkx, or sudo apt-get install -y python3-networkx)",
    });
    expect(host.commands).toEqual(["python3 -m pip install --quiet networkx"]);
  });

  it("asks for python3 itself when there is none", () => {
    const host = machine({ chromium: true, python3: false });
    expect(ensureTestTools(host)).toEqual({
      type: "missing",
      message: "npm test needs python3 with networkx (run: sudo apt-get install -y python3-networkx)",
    });
    expect(host.commands).toEqual([]);
  });

  it("says when the installs ran but a pyenv python3 still lacks networkx", () => {
    const host = machine({ chromium: true, networkx: false, isRoot: true, pipWorks: false, debianPython: false });
    expect(ensureTestTools(host)).toMatchObject({ type: "missing", message: expect.stringContaining("networkx") });
    expect(host.commands).toEqual([
      "python3 -m pip install --quiet networkx",
      "apt-get update -qq",
      "apt-get install -y -qq python3-networkx",
    ]);
  });
});

describe("the test tools check, where it may install", () => {
  it("does nothing on a machine that has everything", () => {
    const host = machine({ chromium: true });
    expect(ensureTestTools(host)).toEqual({ type: "ready" });
    expect(host.commands).toEqual([]);
    expect(host.said).toEqual([]);
  });

  it("installs Debian's Chromium as root with apt-get, refreshing the package lists first", () => {
    const host = machine({ chromium: false, isRoot: true });
    expect(ensureTestTools(host)).toEqual({ type: "ready" });
    expect(host.commands).toEqual(["apt-get update -qq", "apt-get install -y -qq chromium"]);
    expect(host.said).toEqual(["installing chromium for the tests: apt-get install -y chromium"]);
  });

  it("installs networkx with pip where pip reaches an index, without root", () => {
    const host = machine({ chromium: true, networkx: false, pipWorks: true });
    expect(ensureTestTools(host)).toEqual({ type: "ready" });
    expect(host.commands).toEqual(["python3 -m pip install --quiet networkx"]);
  });

  it("falls back to Debian's python3-networkx as root, with Chromium in the same apt-get run", () => {
    const host = machine({ chromium: false, networkx: false, isRoot: true, pipWorks: false, debianPython: true });
    expect(ensureTestTools(host)).toEqual({ type: "ready" });
    expect(host.commands).toEqual([
      "python3 -m pip install --quiet networkx",
      "apt-get update -qq",
      "apt-get install -y -qq chromium python3-networkx",
    ]);
  });
});

describe("chromiumPath", () => {
  it("is Debian's Chromium unless RIGHTSGRAPH_CHROMIUM names another", () => {
    expect(chromiumPath({})).toBe("/usr/bin/chromium");
    expect(chromiumPath({ RIGHTSGRAPH_CHROMIUM: "" })).toBe("/usr/bin/chromium");
    expect(chromiumPath({ RIGHTSGRAPH_CHROMIUM: "/opt/chromium/chrome" })).toBe("/opt/chromium/chrome");
  });
});
