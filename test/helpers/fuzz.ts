/**
 * Property tests run with a fixed seed (reproducible in CI) unless
 * `npm run fuzz` asks for a longer run with a fresh seed (FUZZ_RUNS, FUZZ_SEED).
 */
export function fuzzParameters(defaultRuns: number): { seed: number; numRuns: number } {
  const runs = Number(process.env.FUZZ_RUNS);
  const seed = Number(process.env.FUZZ_SEED);
  return {
    seed: Number.isFinite(seed) && process.env.FUZZ_SEED ? seed : 20261204,
    numRuns: Number.isFinite(runs) && runs > 0 ? Math.round(defaultRuns * runs) : defaultRuns,
  };
}
