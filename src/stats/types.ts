export type Alternative = 'two-sided' | 'less' | 'greater';
export const ALTERNATIVES = ['two-sided', 'less', 'greater'] as const satisfies readonly Alternative[];

/** 'raise' throws on NaN or ±Infinity; 'omit' drops them (whole pairs or blocks for paired data). */
export type NanPolicy = 'raise' | 'omit';

export type Magnitude = 'negligible' | 'small' | 'medium' | 'large';
