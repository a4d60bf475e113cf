// Public face of the server layer.
export { createApp, DEFAULT_WEB_DIR, type AppOptions } from "./create-app";
export { createServerContext, type ServerContext } from "./server-context";
export { startServer, DEFAULT_SERVER_OPTIONS, type RunningServer, type ServerOptions } from "./start-server";
export { OPENAPI_DOCUMENT } from "./openapi";
