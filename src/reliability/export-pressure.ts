// What the reliability report holds the server to while heavy exports run (tests/reliability/export-pressure.test.ts
// measures; `npm run test:reliability` asserts these at full scale and prints them).
export const EXPORT_PRESSURE_LIMITS = Object.freeze({
  /** /api/health, asked every 10 ms meanwhile, answers within this at the 99th percentile. */
  healthP99Ms: 100,
  /** The server process grows by less than this (resident memory) while the exports run. */
  rssGrowthMiB: 300,
});
