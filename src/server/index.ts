// Public face of the server layer.
export { createApp, createExportRuntime, DEFAULT_WEB_DIR, type AppOptions, type EditModeApp } from "./create-app";
export { generateEditToken, tokenFingerprint } from "./edit-auth";
export { LiveGraph } from "./live-graph";
export { EventStreams } from "./routes/event-routes";
export { allowedHostNames, checkAllowedHosts, checkHost, hostOf, isEveryInterface } from "./allowed-hosts";
export { BusyError, ExportGate } from "./export-gate";
export { DEFAULT_SERVER_LIMITS, resolveServerLimits, type ServerLimits } from "./server-limits";
export { createServerContext, type ServerContext } from "./server-context";
export {
  startServer,
  DEFAULT_SERVER_OPTIONS,
  type EditModeOptions,
  type RunningServer,
  type ServerOptions,
} from "./start-server";
export { OPENAPI_DOCUMENT } from "./openapi";
