// Public face of the small helpers every layer may use: a seeded random generator, a stable string hash, and the
// engine's built-ins kept as they stood.
export { replacedBuiltins, restoreBuiltins, snapshotBuiltins, type BuiltinsSnapshot } from "./builtins";
export { hashString } from "./hash-string";
export { mulberry32, SeededRandom } from "./seeded-random";
