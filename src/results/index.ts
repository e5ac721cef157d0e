export { bySeed, checkResults, MIN_RUNS } from './check.js';
export { type CollectedResults, collectFromPaths, collectFromStore, type ReadOptions } from './collect.js';
export { formatOf, type ResultFormat, readTidyFile } from './read.js';
export { type ColumnMap, indexRuns, type RunIndex, type TidyRow, toTidyRow } from './tidy.js';
