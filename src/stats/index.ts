export { type Description, describe, quantileSorted } from './describe.js';
export { chiSquareSf, fSf, normalCdf, normalSf } from './distributions.js';
export { cliffsDelta, type EffectSize, varghaDelaneyA12 } from './effect-size.js';
export { type FriedmanResult, friedman } from './friedman.js';
export { holm } from './holm.js';
export { type BootstrapInterval, bootstrapCI, type MedianInterval, medianCI } from './intervals.js';
export { type KruskalWallisResult, kruskalWallis } from './kruskal-wallis.js';
export { type MannWhitneyOptions, type MannWhitneyResult, mannWhitneyU } from './mann-whitney.js';
export { cliquesWithin, type NemenyiResult, nemenyi } from './nemenyi.js';
export { seededRandom } from './random.js';
export { rankdata } from './ranks.js';
export { studentizedRangeQuantile, studentizedRangeSf } from './studentized-range.js';
export { ALTERNATIVES, type Alternative, type Magnitude, type NanPolicy } from './types.js';
export {
  type WilcoxonOptions,
  type WilcoxonResult,
  wilcoxonSignedRank,
  type ZeroMethod,
} from './wilcoxon.js';
