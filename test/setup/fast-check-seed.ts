/**
 * Property tests draw new random inputs on every run, so that each run can find something new.
 * FC_SEED fixes them: CI sets it so that whether a change lands does not depend on the draw, and
 * a failure printed with its seed can be replayed with FC_SEED=<seed> npx jest <file>.
 */
import fc from "fast-check";

const seed = process.env["FC_SEED"];
if (seed !== undefined && seed !== "") {
  const n = Number(seed);
  if (!Number.isInteger(n)) throw new Error(`FC_SEED must be an integer, not "${seed}"`);
  fc.configureGlobal({ seed: n });
}
