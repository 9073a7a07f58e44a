import { router } from './router.ts';
import type { Db } from '../db/index.ts';
import { migrationsApplied, type Migration } from '../db/migrate.ts';

export function healthRoutes(deps: { db: Db; migrations: Migration[]; isShuttingDown: () => boolean }) {
  return router('health')
    .get('/healthz', () => ({ status: 'ok' }), { detail: { summary: 'Liveness', tags: ['operations'] } })
    .get(
      '/readyz',
      async ({ set }) => {
        const checks: Record<string, string> = {};
        try {
          await deps.db.query('select 1');
          checks.database = 'ok';
          checks.migrations = (await migrationsApplied(deps.db, deps.migrations)) ? 'ok' : 'pending';
        } catch (error) {
          checks.database = `unreachable: ${(error as Error).message}`;
        }
        if (deps.isShuttingDown()) checks.shutdown = 'draining';
        const ready = checks.database === 'ok' && checks.migrations === 'ok' && !deps.isShuttingDown();
        set.status = ready ? 200 : 503;
        return { status: ready ? 'ready' : 'not_ready', checks };
      },
      { detail: { summary: 'Readiness: database reachable and migrations applied', tags: ['operations'] } },
    );
}
