/** Limits how many tasks run at once; `limit` undefined means unlimited. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number | undefined) {}

  async use<T>(task: () => Promise<T>): Promise<T> {
    if (this.limit !== undefined && this.active >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
