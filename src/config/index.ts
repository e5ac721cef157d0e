export { parameterProblem } from './allow.js';
export { CONFIG_FILE, configError, type LoadedConfig, loadConfig } from './load.js';
export {
  type BetterClaim,
  type Claim,
  COLUMNS,
  type Column,
  configSchema,
  isBetterClaim,
  type ReproConfig,
  type ValueClaim,
} from './schema.js';
