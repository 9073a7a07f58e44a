// Machine transitions persisted per second (load → transition() → persist with version
// check → journal), one event per transaction and 100 per transaction, on PGlite and on a
// real Postgres; beside a baseline doing the same reads and writes in hand-written SQL
// without XState, so the ratio is the runtime's own cost.
import { ActorSystem, type MachineDefinition } from '../src/actors/runtime.ts';
import { migrate } from '../src/db/migrate.ts';
import type { Db } from '../src/db/index.ts';
import { silentLogger } from '../src/log.ts';
import { Metrics } from '../src/metrics.ts';
import { newId } from '../src/ids.ts';
import { counterMachine } from '../test/actors/counter-machine.ts';
import { figure, machine, quick, rate, scratchPglite, scratchPostgres } from './support.ts';

const INSTANCES = quick ? 200 : 2000;
const EVENTS = quick ? 2000 : 20000;
const CONCURRENCY = 8;

async function setup(db: Db) {
  await migrate(db);
  const actors = new ActorSystem(db, silentLogger, new Metrics());
  const def: MachineDefinition = actors.define({
    name: 'counter',
    machine: counterMachine,
    table: 'machine_instances',
    effects: { announce: () => {} },
  });
  const ids = Array.from({ length: INSTANCES }, () => newId('test'));
  await actors.transaction(async (u) => {
    for (const id of ids) await actors.create(u, def, { id, tenantId: 'ten_bench' });
  });
  return { actors, def, ids };
}

/** The same work without the runtime: read, bump, write with version check, journal. */
async function rawStep(db: Db, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ snapshot: { value: string; context: { count: number } }; version: number }>(
      'select snapshot, version from machine_instances where id = $1',
      [id],
    );
    const next = { ...row!.snapshot, context: { count: row!.snapshot.context.count + 1 } };
    await tx.query(
      'update machine_instances set snapshot = $1::jsonb, version = version + 1, updated_at = now() where id = $2 and version = $3',
      [JSON.stringify(next), id, row!.version],
    );
    await tx.query(
      `insert into machine_journal (machine, instance_id, tenant_id, from_state, event_type, event, to_state) values ('counter', $1, 'ten_bench', 'idle', 'INC', $2::jsonb, 'idle')`,
      [id, '{"type":"INC"}'],
    );
  });
}

async function run(label: string, db: Db) {
  const { actors, def, ids } = await setup(db);
  const single = await rate(EVENTS, CONCURRENCY, (i) =>
    actors.transaction((u) => actors.send(u, def, [{ id: ids[i % ids.length]!, event: { type: 'INC' } }])),
  );
  const batches = EVENTS / 100;
  const batched =
    (await rate(batches, CONCURRENCY, (b) =>
      actors.transaction((u) =>
        actors.send(
          u,
          def,
          Array.from({ length: 100 }, (_, k) => ({ id: ids[(b * 100 + k) % ids.length]!, event: { type: 'INC' } })),
        ),
      ),
    )) * 100;
  const raw = await rate(EVENTS, CONCURRENCY, (i) => rawStep(db, ids[i % ids.length]!));
  figure('runtime', `transitions_per_s_${label}`, single, '1/s', { machine });
  figure('runtime', `transitions_per_s_${label}_batch100`, batched, '1/s', { machine });
  figure('runtime', `raw_sql_per_s_${label}`, raw, '1/s', { machine });
  figure('runtime', `runtime_vs_raw_${label}`, single / raw, 'x');
}

const lite = await scratchPglite();
try {
  await run('pglite', lite.db);
} finally {
  await lite.drop();
}
const pg = await scratchPostgres();
try {
  await run('postgres', pg.db);
} finally {
  await pg.drop();
}
