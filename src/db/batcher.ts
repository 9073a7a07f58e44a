// Coalesces per-item database work into batches: many items arriving at once share one
// statement and one commit instead of one each. Each caller still awaits its own item, and
// gets its own result or its own error.
import { setImmediate } from 'node:timers';

/** What `run` answers for an item that failed on its own: that caller gets `error`, the others their results. */
export class ItemFailure {
  constructor(readonly error: unknown) {}
}

export interface BatcherOptions<In> {
  /** Items in one batch at most. */
  maxBatch: number;
  /** Batches run at once (default 1). Items arriving while all are running wait for the next. */
  concurrency?: number;
  /** Items with the same non-null key never share a batch: the later one waits for a batch of its own. */
  keyOf?: (item: In) => string | null;
}

interface Waiting<In, Out> {
  item: In;
  resolve: (v: Out) => void;
  reject: (e: unknown) => void;
}

export class Batcher<In, Out> {
  private queue: Array<Waiting<In, Out>> = [];
  private running = 0;
  private scheduled = false;
  private readonly concurrency: number;

  constructor(
    private readonly run: (items: In[]) => Promise<Array<Out | ItemFailure>>,
    private readonly options: BatcherOptions<In>,
  ) {
    this.concurrency = options.concurrency ?? 1;
  }

  add(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled && this.running < this.concurrency) {
        this.scheduled = true;
        // Let the other items of this turn of the event loop join the batch before it is
        // written (setTimeout(0) waited a millisecond or more: a lone publish took 3x as long).
        setImmediate(() => {
          this.scheduled = false;
          this.startBatches();
        });
      }
    });
  }

  /** Items waiting for a batch. */
  get waiting(): number {
    return this.queue.length;
  }

  private startBatches(): void {
    while (this.running < this.concurrency && this.queue.length) {
      const batch = this.take();
      this.running++;
      void this.write(batch).finally(() => {
        this.running--;
        this.startBatches();
      });
    }
  }

  /** The next batch: up to maxBatch items in arrival order, skipping (and keeping) those whose key is already in it. */
  private take(): Array<Waiting<In, Out>> {
    const keyOf = this.options.keyOf;
    if (!keyOf) return this.queue.splice(0, this.options.maxBatch);
    const batch: Array<Waiting<In, Out>> = [];
    const rest: Array<Waiting<In, Out>> = [];
    const keys = new Set<string>();
    for (const w of this.queue) {
      const key = batch.length < this.options.maxBatch ? keyOf(w.item) : null;
      if (batch.length >= this.options.maxBatch || (key !== null && keys.has(key))) rest.push(w);
      else {
        if (key !== null) keys.add(key);
        batch.push(w);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async write(batch: Array<Waiting<In, Out>>): Promise<void> {
    try {
      const out = await this.run(batch.map((b) => b.item));
      batch.forEach((b, i) => {
        const result = out[i]!;
        if (result instanceof ItemFailure) b.reject(result.error);
        else b.resolve(result);
      });
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  }
}
