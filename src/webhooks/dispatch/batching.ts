// Coalesces per-delivery database work into batches: many deliveries finishing at once share
// one lookup and one transaction instead of one each. Callers still await their own item.
export class Batcher<In, Out> {
  private queue: Array<{ item: In; resolve: (v: Out) => void; reject: (e: unknown) => void }> = [];
  private running = false;

  constructor(
    private readonly run: (items: In[]) => Promise<Out[]>,
    private readonly maxBatch: number,
  ) {}

  add(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        // Let the other effects of this tick join the batch before it is written.
        setTimeout(() => void this.drain(), 0);
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const out = await this.run(batch.map((b) => b.item));
        batch.forEach((b, i) => {
          b.resolve(out[i]!);
        });
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    this.running = false;
  }
}
