// The batcher every group of database writes goes through (publishes, delivery results): what
// arrives together is written together, each caller gets its own result or its own error,
// batches run up to their concurrency, and items that share a key never share a batch.
import { describe, expect, test } from 'bun:test';
import { Batcher, ItemFailure } from '../../src/db/batcher.ts';

/** A run that records each batch it gets and answers when `release` is called. */
function gatedRun() {
  const batches: number[][] = [];
  const gates: Array<() => void> = [];
  let running = 0;
  let peak = 0;
  const run = async (items: number[]) => {
    batches.push(items);
    running++;
    peak = Math.max(peak, running);
    await new Promise<void>((resolve) => gates.push(resolve));
    running--;
    return items.map((i) => (i < 0 ? new ItemFailure(new Error(`refused ${i}`)) : i * 10));
  };
  const releaseAll = () => {
    for (const g of gates.splice(0)) g();
  };
  return { run, batches, releaseAll, peak: () => peak };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('Batcher', () => {
  test('what arrives in one turn is one batch; what arrives while it runs is the next', async () => {
    const g = gatedRun();
    const b = new Batcher(g.run, { maxBatch: 10 });
    const first = [1, 2, 3].map((i) => b.add(i));
    await tick();
    const second = [4, 5].map((i) => b.add(i));
    await tick();
    expect(g.batches).toEqual([[1, 2, 3]]);
    expect(b.waiting).toBe(2);
    g.releaseAll();
    expect(await Promise.all(first)).toEqual([10, 20, 30]);
    await tick();
    expect(g.batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    g.releaseAll();
    expect(await Promise.all(second)).toEqual([40, 50]);
  });

  test('a batch holds maxBatch items at most, and concurrency batches run at once', async () => {
    const g = gatedRun();
    const b = new Batcher(g.run, { maxBatch: 4, concurrency: 2 });
    const all = Array.from({ length: 10 }, (_, i) => b.add(i + 1));
    await tick();
    expect(g.batches).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    expect(g.peak()).toBe(2);
    g.releaseAll();
    await tick();
    expect(g.batches[2]).toEqual([9, 10]);
    g.releaseAll();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(g.peak()).toBe(2);
  });

  test('an item that fails on its own fails alone; a batch that fails fails each of its items', async () => {
    const g = gatedRun();
    const b = new Batcher(g.run, { maxBatch: 10 });
    const results = [1, -2, 3].map((i) => b.add(i).then(String, (e: Error) => e.message));
    await tick();
    g.releaseAll();
    expect(await Promise.all(results)).toEqual(['10', 'refused -2', '30']);

    const broken = new Batcher<number, number>(
      async () => {
        throw new Error('database away');
      },
      { maxBatch: 10 },
    );
    const failed = await Promise.all([1, 2].map((i) => broken.add(i).then(String, (e: Error) => e.message)));
    expect(failed).toEqual(['database away', 'database away']);
  });

  test('items with the same key go in different batches, in arrival order; the others are not held back', async () => {
    const g = gatedRun();
    const b = new Batcher(g.run, { maxBatch: 10, keyOf: (i) => (i >= 100 ? 'k' : null) });
    const all = [100, 1, 101, 2, 102].map((i) => b.add(i));
    await tick();
    expect(g.batches).toEqual([[100, 1, 2]]);
    g.releaseAll();
    await tick();
    expect(g.batches[1]).toEqual([101]);
    g.releaseAll();
    await tick();
    expect(g.batches[2]).toEqual([102]);
    g.releaseAll();
    expect(await Promise.all(all)).toEqual([1000, 10, 1010, 20, 1020]);
  });
});
