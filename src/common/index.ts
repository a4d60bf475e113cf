// Public face of the small helpers every layer may use: a seeded random generator and a stable string hash.
export { hashString } from "./hash-string";
export { mulberry32, SeededRandom } from "./seeded-random";
