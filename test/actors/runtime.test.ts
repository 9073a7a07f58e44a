import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/db/index.ts';
import { ActorSystem, type MachineDefinition, type Effect } from '../../src/actors/runtime.ts';
import { ManualClock } from '../../src/actors/clock.ts';
import { createPgliteDb } from '../../src/db/pglite.ts';
import { createPostgresDb } from '../../src/db/postgres.ts';
import { silentLogger } from '../../src/log.ts';
import { Metrics } from '../../src/metrics.ts';
import { newId } from '../../src/ids.ts';
import { databaseUrl, testDb } from '../support/db.ts';
import { counterMachine } from './counter-machine.ts';

let db: Db;
beforeAll(async () => {
  db = await testDb();
});
afterAll(async () => {
  await db.close();
});

function system(clock = new ManualClock(Date.now())) {
  const effects: Array<{ effect: Effect; id: string }> = [];
  const actors = new ActorSystem(db, silentLogger, new Metrics(), clock);
  const def = actors.define({
    name: 'counter',
    machine: counterMachine,
    table: 'machine_instances',
    effects: { announce: (effect, on) => void effects.push({ effect, id: on.instanceId }) },
  });
  return { actors, def, effects, clock };
}

async function row(id: string) {
  const [r] = await db.query<{
    state: string;
    version: number;
    snapshot: { context: { count: number } };
    due_at: Date | null;
  }>('select state, version, snapshot, due_at from machine_instances where id = $1', [id]);
  if (!r) throw new Error(`no machine_instances row ${id}`);
  return r;
}

async function journal(id: string) {
  return db.query<{ from_state: string | null; event_type: string; to_state: string }>(
    'select from_state, event_type, to_state from machine_journal where instance_id = $1 order by seq',
    [id],
  );
}

const tenant = 'ten_runtime';

describe('machine runtime', () => {
  test('create and send persist the snapshot, bump the version and journal each transition', async () => {
    const { actors, def } = system();
    const id = newId('test');
    await actors.transaction(async (u) => {
      await actors.create(u, def, { id, tenantId: tenant, input: { start: 5 } });
    });
    const results = await actors.transaction((u) =>
      actors.send(u, def, [
        { id, event: { type: 'INC' } },
        { id, event: { type: 'ARM' } },
      ]),
    );
    expect(results.get(id)).toMatchObject({ from: 'idle', to: 'armed', changed: true });
    const r = await row(id);
    expect(r.state).toBe('armed');
    expect(r.version).toBe(1);
    expect(r.snapshot.context.count).toBe(6);
    expect(r.due_at).not.toBeNull();
    expect(await journal(id)).toEqual([
      { from_state: null, event_type: 'xstate.init', to_state: 'idle' },
      { from_state: 'idle', event_type: 'INC', to_state: 'idle' },
      { from_state: 'idle', event_type: 'ARM', to_state: 'armed' },
    ]);
  });

  test('an event the machine ignores changes nothing and is not journaled', async () => {
    const { actors, def } = system();
    const id = newId('test');
    await actors.transaction((u) => actors.create(u, def, { id, tenantId: tenant }));
    const results = await actors.transaction((u) => actors.send(u, def, [{ id, event: { type: 'STOP' } }]));
    expect(results.get(id)?.changed).toBe(false);
    expect((await row(id)).version).toBe(0);
    expect(await journal(id)).toHaveLength(1);
  });

  test('another tenant cannot reach an instance', async () => {
    const { actors, def } = system();
    const id = newId('test');
    await actors.transaction((u) => actors.create(u, def, { id, tenantId: tenant }));
    const results = await actors.transaction((u) =>
      actors.send(u, def, [{ id, event: { type: 'INC' } }], { tenantId: 'ten_other' }),
    );
    expect(results.has(id)).toBe(false);
    expect((await row(id)).snapshot.context.count).toBe(0);
  });

  test('two concurrent events on one row never lose an update', async () => {
    const { actors, def } = system();
    const id = newId('test');
    await actors.transaction((u) => actors.create(u, def, { id, tenantId: tenant }));
    // A updates the row and holds its transaction open; B loads the old snapshot meanwhile
    // and its write must notice that A committed first.
    let releaseA!: () => void;
    const gate = new Promise<void>((r) => (releaseA = r));
    let aUpdated!: () => void;
    const aHasUpdated = new Promise<void>((r) => (aUpdated = r));
    const a = actors.transaction(async (u) => {
      await actors.send(u, def, [{ id, event: { type: 'INC' } }]);
      aUpdated();
      await gate;
    });
    await aHasUpdated;
    const b = actors.transaction((u) => actors.send(u, def, [{ id, event: { type: 'INC' } }]));
    await Bun.sleep(150);
    releaseA();
    await Promise.all([a, b]);
    // and a burst of independent transactions on the same row
    await Promise.all(
      Array.from({ length: 20 }, () =>
        actors.transaction((u) => actors.send(u, def, [{ id, event: { type: 'INC' } }])),
      ),
    );
    const r = await row(id);
    expect(r.snapshot.context.count).toBe(22);
    expect(r.version).toBe(22);
    expect((await journal(id)).filter((j) => j.event_type === 'INC')).toHaveLength(22);
  });

  test('concurrent batches over the same rows in opposite orders neither deadlock nor lose updates', async () => {
    const { actors, def } = system();
    const ids = Array.from({ length: 300 }, () => newId('test'));
    await actors.transaction(async (u) => {
      for (const id of ids) await actors.create(u, def, { id, tenantId: tenant });
    });
    // Overlapping windows of the same rows, as fan-out batches meet.
    const batches = Array.from({ length: 8 }, (_, i) => {
      const window = ids.slice((i * 37) % 150, ((i * 37) % 150) + 150);
      return (i % 2 ? [...window].reverse() : window).map((id) => ({ id, event: { type: 'INC' as const } }));
    });
    await Promise.all(batches.map((b) => actors.transaction((u) => actors.send(u, def, b))));
    const expected = new Map<string, number>();
    for (const b of batches) for (const { id } of b) expected.set(id, (expected.get(id) ?? 0) + 1);
    for (const [id, n] of expected) expect((await row(id)).snapshot.context.count).toBe(n);
  });

  test('an effect runs after commit, and never for a transaction that rolled back', async () => {
    const { actors, def, effects } = system();
    const id = newId('test');
    await actors.transaction((u) => actors.create(u, def, { id, tenantId: tenant, input: { start: 3 } }));
    let seenDuringTransaction = -1;
    await expect(
      actors.transaction(async (u) => {
        await actors.send(u, def, [{ id, event: { type: 'PING' } }]);
        seenDuringTransaction = effects.length;
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await actors.drain();
    expect(seenDuringTransaction).toBe(0);
    expect(effects.filter((e) => e.id === id)).toHaveLength(0);
    expect(await journal(id)).toHaveLength(1);

    await actors.transaction((u) => actors.send(u, def, [{ id, event: { type: 'PING' } }]));
    await actors.drain();
    expect(effects.filter((e) => e.id === id).map((e) => e.effect)).toEqual([
      { type: 'announce', params: { count: 3 } },
    ]);
  });

  test('a failing effect is counted and logged, never lost silently', async () => {
    const metrics = new Metrics();
    const lines: string[] = [];
    const { createLogger } = await import('../../src/log.ts');
    const actors = new ActorSystem(
      db,
      createLogger('error', {}, (l) => lines.push(l)),
      metrics,
      new ManualClock(),
    );
    const def = actors.define({
      name: 'counter',
      machine: counterMachine,
      table: 'machine_instances',
      effects: {
        announce: () => {
          throw new Error('receiver down');
        },
      },
    });
    const id = newId('test');
    await actors.transaction(async (u) => {
      await actors.create(u, def, { id, tenantId: tenant });
      await actors.send(u, def, [{ id, event: { type: 'PING' } }]);
    });
    await actors.drain();
    expect(metrics.render()).toContain('argus_machine_effect_failures_total 1');
    expect(lines.some((l) => l.includes('receiver down'))).toBe(true);
  });

  test('a transaction that loses a deadlock runs again; the lost attempt leaves nothing behind', async () => {
    const metrics = new Metrics();
    const actors = new ActorSystem(db, silentLogger, metrics, new ManualClock(Date.now()));
    const effects: string[] = [];
    const def = actors.define({
      name: 'counter',
      machine: counterMachine,
      table: 'machine_instances',
      effects: { announce: (_e, on) => void effects.push(on.instanceId) },
    });
    const id = newId('test');
    await actors.transaction((u) => actors.create(u, def, { id, tenantId: tenant }));
    let runs = 0;
    const result = await actors.transaction(async (u) => {
      runs++;
      await actors.send(u, def, [
        { id, event: { type: 'INC' } },
        { id, event: { type: 'PING' } },
      ]);
      // What Postgres answers the transaction it picks to break a deadlock.
      if (runs === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      return 'done';
    });
    await actors.drain();
    expect(result).toBe('done');
    expect(runs).toBe(2);
    expect(effects).toEqual([id]);
    expect((await row(id)).snapshot.context.count).toBe(1);
    expect((await journal(id)).map((j) => j.event_type)).toEqual(['xstate.init', 'INC', 'PING']);
    expect(metrics.render()).toContain('argus_machine_transaction_retries_total 1');

    let tries = 0;
    const stubborn = actors.transaction(async () => {
      tries++;
      throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    });
    await expect(stubborn).rejects.toThrow('deadlock detected');
    expect(tries).toBe(3);
  });

  test('define() refuses a machine whose effect has no handler', () => {
    const { actors } = system();
    expect(() =>
      actors.define({
        name: 'counter',
        machine: counterMachine,
        table: 'machine_instances',
        effects: {},
      } as MachineDefinition),
    ).toThrow(/announce/);
  });

  test('due timers fire once each, even with two workers claiming at the same time', async () => {
    const { actors, def, effects, clock } = system();
    const ids = Array.from({ length: 30 }, () => newId('test'));
    await actors.transaction(async (u) => {
      for (const id of ids) await actors.create(u, def, { id, tenantId: tenant });
      await actors.send(
        u,
        def,
        ids.map((id) => ({ id, event: { type: 'ARM' } })),
      );
    });
    expect(await actors.fireDue(def, 100).then(() => row(ids[0]!))).toMatchObject({ state: 'armed' }); // not due yet
    clock.advance(60_001);
    const workerB = new ActorSystem(db, silentLogger, new Metrics(), clock);
    const defB = workerB.define({
      ...def,
      effects: { announce: (effect, on) => void effects.push({ effect, id: on.instanceId }) },
    });
    const drainAll = async (sys: ActorSystem, d: MachineDefinition) => {
      while ((await sys.fireDue(d, 7)) > 0);
    };
    await Promise.all([drainAll(actors, def), drainAll(workerB, defB)]);
    await Promise.all([actors.drain(), workerB.drain()]);
    for (const id of ids) {
      expect((await row(id)).state).toBe('fired');
      expect((await journal(id)).filter((j) => j.to_state === 'fired')).toHaveLength(1);
    }
    expect(effects.filter((e) => ids.includes(e.id))).toHaveLength(30);
  });

  test('a timer cancelled by leaving its state never fires', async () => {
    const { actors, def, clock } = system();
    const id = newId('test');
    await actors.transaction(async (u) => {
      await actors.create(u, def, { id, tenantId: tenant });
      await actors.send(u, def, [
        { id, event: { type: 'ARM' } },
        { id, event: { type: 'STOP' } },
      ]);
    });
    expect((await row(id)).due_at).toBeNull();
    clock.advance(120_000);
    await actors.fireDue(def, 100);
    expect((await row(id)).state).toBe('idle');
  });

  test('a delayed transition persisted before the process dies fires after restart', async () => {
    const id = newId('test');
    const dir = databaseUrl ? null : mkdtempSync(join(tmpdir(), 'argus-crash-'));
    const child = Bun.spawn([process.execPath, join(import.meta.dir, 'fixtures/arm-and-die.ts'), id], {
      env: { ...process.env, CRASH_DATABASE_URL: databaseUrl ?? '', CRASH_PGLITE_DIR: dir ?? '' },
      stdout: 'inherit',
      stderr: 'inherit',
    });
    expect(await child.exited).not.toBe(0);
    expect(child.signalCode).toBe('SIGKILL');

    // A new process: nothing in memory survives, only the row.
    const restarted = dir ? await createPgliteDb(dir) : createPostgresDb(databaseUrl!, { max: 2 });
    try {
      const fired: string[] = [];
      const clock = new ManualClock(Date.now() + 61_000);
      const actors = new ActorSystem(restarted, silentLogger, new Metrics(), clock);
      const def = actors.define({
        name: 'counter',
        machine: counterMachine,
        table: 'machine_instances',
        effects: { announce: (_e, on) => void fired.push(on.instanceId) },
      });
      while ((await actors.fireDue(def, 50)) > 0);
      await actors.drain();
      expect(fired).toContain(id);
      const [r] = await restarted.query<{ state: string }>('select state from machine_instances where id = $1', [id]);
      expect(r?.state).toBe('fired');
    } finally {
      await restarted.close();
    }
  });
});
