/** Repro's version, recorded in every report's provenance. Keep in step with package.json. */
export const VERSION = '0.1.0';
