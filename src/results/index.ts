export { collectTidyResults } from './collect.js';
export { finalValues, parseTidy, type TidyRow } from './tidy.js';
