/**
 * Mid-ranks (1-based; ties get the average of the ranks they span), as R's rank() and scipy's
 * rankdata(method='average').
 */
export function rankdata(values: readonly number[]): number[] {
  return rankWithTies(values).ranks;
}

export interface RankedSample {
  ranks: number[];
  /** Size of every tie group of two or more. */
  tieSizes: number[];
}

export function rankWithTies(values: readonly number[]): RankedSample {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(values.length);
  const tieSizes: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end] as number] === values[order[start] as number]) end++;
    const midRank = (start + 1 + end) / 2;
    for (let j = start; j < end; j++) ranks[order[j] as number] = midRank;
    if (end - start > 1) tieSizes.push(end - start);
    start = end;
  }
  return { ranks, tieSizes };
}

/** Σ(t³ − t) over tie groups: the quantity every tie correction is built from. */
export function tieSum(tieSizes: readonly number[]): number {
  return tieSizes.reduce((s, t) => s + t * t * t - t, 0);
}
