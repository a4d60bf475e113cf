// Public face of the Cypher engine: parse, prepare, explain and run the read-only openCypher subset over a dataset.
export type { Clause as CypherClause, CypherQuery, Expression as CypherExpression } from "./cypher-ast";
export { CypherSyntaxError, CypherTypeError, CypherUnsupportedError, type TextPosition } from "./cypher-errors";
export { createCypherGraph, type CypherGraph } from "./cypher-graph";
export {
  DEFAULT_CYPHER_OPTIONS,
  MAX_CYPHER_BUFFERED_ROWS,
  MAX_CYPHER_ROWS,
  MAX_CYPHER_TIME_BUDGET_MS,
  MAX_CYPHER_HIGHLIGHTED,
  MAX_VARIABLE_LENGTH,
  resolveCypherOptions,
  type CypherOptions,
} from "./cypher-options";
export {
  NODE_CORE_PROPERTIES,
  RELATIONSHIP_CORE_PROPERTIES,
  nodeProperties,
  relationshipProperties,
} from "./cypher-properties";
export type { TruncationCause, WorkClock } from "./cypher-rows";
export { matchedSubgraph, matchedTests } from "./matched-subgraph";
export { parseCypher } from "./parse-cypher";
export {
  cypherSteps,
  explainCypher,
  prepareCypher,
  preparedByText,
  PREPARED_QUERIES_KEPT,
  runCypher,
  type CypherResult,
  type PreparedCypher,
} from "./run-cypher";
