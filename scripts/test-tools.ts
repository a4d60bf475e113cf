// The outside tools the full test run needs, and how to get them: Debian's Chromium for the browser tests, python3
// with networkx for the NetworkX read-back. Installs what is missing where the machine allows it (root with apt-get;
// pip for networkx), otherwise names the command to run. The machine is reached through a ToolHost, so tests can
// play any machine.

/** The environment variable that points the browser tests at another Chromium binary. */
export const CHROMIUM_ENV = "RIGHTSGRAPH_CHROMIUM";
/** Where Debian's `chromium` package puts the browser. */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** The Chromium binary the browser tests launch: RIGHTSGRAPH_CHROMIUM when set, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv): string {
  return env[CHROMIUM_ENV] || DEFAULT_CHROMIUM;
}

/** What the check needs to know about and do on the machine. */
export interface ToolHost {
  env: NodeJS.ProcessEnv;
  isRoot: boolean;
  /** True when `file` is an executable file. */
  isExecutable(file: string): boolean;
  /** True when `command` is found on the PATH. */
  onPath(command: string): boolean;
  /** Runs a command; true when it exits 0 (false when it cannot start). `quiet` hides its output. */
  run(command: string, args: string[], quiet?: boolean): boolean;
  /** Tells the person running the tests what is happening. */
  say(line: string): void;
}

export type ToolCheck = { type: "ready" } | { type: "missing"; message: string };

const hasNetworkx = (host: ToolHost): boolean => host.run("python3", ["-c", "import networkx"], true);

/** Installs Debian packages as root with apt-get (the package lists are refreshed first); true when it worked. */
function aptInstall(host: ToolHost, packages: string[]): boolean {
  host.say(`installing ${packages.join(", ")} for the tests: apt-get install -y ${packages.join(" ")}`);
  return host.run("apt-get", ["update", "-qq"]) && host.run("apt-get", ["install", "-y", "-qq", ...packages]);
}

/**
 * Makes sure Chromium and python3 with networkx are there, installing them where the machine allows it. The answer
 * is "ready", or one message naming what is missing and the command that brings it.
 */
export function ensureTestTools(host: ToolHost): ToolCheck {
  const chromium = chromiumPath(host.env);
  const chosen = Boolean(host.env[CHROMIUM_ENV]);
  const canApt = host.isRoot && host.onPath("apt-get");
  const needs: string[] = [];

  if (!hasNetworkx(host) && host.onPath("python3")) {
    host.say("installing networkx for the tests: python3 -m pip install networkx");
    host.run("python3", ["-m", "pip", "install", "--quiet", "networkx"]);
  }
  const apt: string[] = [];
  if (!host.isExecutable(chromium) && !chosen) apt.push("chromium");
  if (!hasNetworkx(host)) apt.push("python3-networkx");
  if (apt.length > 0 && canApt) aptInstall(host, apt);

  if (!host.isExecutable(chromium)) {
    needs.push(
      chosen
        ? `${CHROMIUM_ENV}=${chromium} is not an executable file (point it at Chromium, or unset it to use ${DEFAULT_CHROMIUM})`
        : `Chromium at ${DEFAULT_CHROMIUM} (run: sudo apt-get install -y chromium, or set ${CHROMIUM_ENV} to a Chromium binary)`,
    );
  }
  if (!hasNetworkx(host)) {
    needs.push(
      host.onPath("python3")
        ? "networkx for python3 (run: python3 -m pip install networkx, or sudo apt-get install -y python3-networkx)"
        : "python3 with networkx (run: sudo apt-get install -y python3-networkx)",
    );
  }
  return needs.length === 0
    ? { type: "ready" }
    : { type: "missing", message: `npm test needs ${needs.join("; and ")}` };
}
