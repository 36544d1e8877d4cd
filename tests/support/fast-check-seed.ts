// Property tests explore new random cases on every local run; in CI they replay one
// fixed seed, so a landing is never blocked by a case nobody has seen yet. Set
// FC_SEED to replay a failure printed by fast-check (or to vary the CI seed).
import fc from 'fast-check';

const fromEnv = process.env.FC_SEED;
const seed = fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : process.env.CI === 'true' ? 20261130 : undefined;
if (seed !== undefined && Number.isFinite(seed)) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
