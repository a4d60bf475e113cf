// Public face of the API client, and of the web/server contract: the only module of src/ the explorer may import.
export {
  api,
  ApiError,
  currentInclude,
  errorMessage,
  followSuggestionsSwitch,
  getJson,
  includeFor,
  postJson,
  withInclude,
  withQuery,
} from "./client.js";
export type * from "../../../src/api/contract.js";
export {
  anchorAt,
  CORE_NODE_KEYS,
  csvTextCell,
  EXPORT_FORMAT_NAMES,
  groupByClaim,
  LIST_SOURCES,
  PATH_RULES,
  pathWalk,
  STEP_ARROWS,
} from "../../../src/api/contract.js";
export { editApi } from "./edit-client.js";
export { askForToken, editToken, takeTokenFromUrl } from "./edit-token.js";
