// A PostgreSQL cluster of a test's own (initdb and pg_ctl from the installed server, its own
// port and temporary directory), for tests that kill or restart the database: never the
// shared server. initdb refuses to run as root, so as root the cluster belongs to the
// `postgres` system user.
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './service.ts';

/** The installed server's bin directory (the newest version), or null. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

export interface ThrowawayPostgres {
  url: string;
  /** SIGKILLs the server, the postmaster and every process of it: a crash, not a shutdown. */
  kill(): void;
  /** Starts the server again (crash recovery runs) and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops the server and removes its directory. */
  destroy(): Promise<void>;
}

function asOwner(cmd: string[]): string[] {
  return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...cmd] : cmd;
}

async function run(cmd: string[]): Promise<void> {
  const p = Bun.spawn(asOwner(cmd), { stdout: 'pipe', stderr: 'pipe' });
  const code = await p.exited;
  if (code !== 0) throw new Error(`${cmd.join(' ')} exited ${code}: ${await new Response(p.stderr).text()}`);
}

export async function throwawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error('no PostgreSQL server installed under /usr/lib/postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'argus-chaos-pg-'));
  if (process.getuid?.() === 0) {
    const [uid, gid] = [Number(await text(['id', '-u', 'postgres'])), Number(await text(['id', '-g', 'postgres']))];
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = freePort();
  await run([join(bin, 'initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']);
  const start = async () => {
    await run([
      join(bin, 'pg_ctl'),
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      'start',
    ]);
  };
  await start();
  await run([join(bin, 'createdb'), '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'chaos']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/chaos`,
    kill() {
      const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      // Children first, read before the postmaster goes (orphaned, a backend can live on for
      // a minute holding its client's connection open, which no real crash does).
      const children = readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            return readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(pid);
          } catch {
            return false; // the process ended while we looked
          }
        });
      process.kill(pid, 'SIGKILL');
      for (const child of children) {
        try {
          process.kill(Number(child), 'SIGKILL');
        } catch {
          // already gone
        }
      }
    },
    async start() {
      // The killed postmaster's backends notice and exit; until they have, its pid file stays.
      for (let i = 0; i < 100 && existsSync(join(data, 'postmaster.pid')); i++) {
        try {
          const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
          process.kill(pid, 0);
          await Bun.sleep(50);
        } catch {
          break; // the recorded postmaster is gone: pg_ctl start handles the stale file
        }
      }
      await start();
    },
    async destroy() {
      if (existsSync(join(data, 'postmaster.pid')))
        await run([join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function text(cmd: string[]): Promise<string> {
  const p = Bun.spawn(cmd, { stdout: 'pipe' });
  await p.exited;
  return (await new Response(p.stdout).text()).trim();
}

export interface ThrowawayPair {
  /** Both hosts, the primary first: the multi-host URL a deployment gives DATABASE_URL. */
  url: string;
  primaryPort: number;
  standbyPort: number;
  /** Stops the primary at once (`pg_ctl -m immediate`): its sockets close, nothing is flushed. */
  stopPrimary(): Promise<void>;
  /** Stops the standby at once; with it gone, commits on the primary wait for a synchronous standby. */
  stopStandby(): Promise<void>;
  /** Promotes the standby and waits until it takes writes. */
  promote(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A primary and a synchronous standby of a test's own (streaming replication, as
 * pg_auto_failover or Patroni run them): a commit is acknowledged once the standby has it.
 */
export async function throwawayPair(): Promise<ThrowawayPair> {
  const bin = postgresBin();
  if (!bin) throw new Error('no PostgreSQL server installed under /usr/lib/postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'argus-failover-pg-'));
  if (process.getuid?.() === 0) {
    const [uid, gid] = [Number(await text(['id', '-u', 'postgres'])), Number(await text(['id', '-g', 'postgres']))];
    chownSync(dir, uid, gid);
  }
  const primary = join(dir, 'primary');
  const standby = join(dir, 'standby');
  const [primaryPort, standbyPort] = [freePort(), freePort()];
  const pgCtl = (data: string, port: number, ...args: string[]) =>
    run([
      join(bin, 'pg_ctl'),
      '-D',
      data,
      '-l',
      join(dir, `${port}.log`),
      '-w',
      '-t',
      '60',
      '-o',
      // fsync off: commits cheaper on a test machine's disk, in the same order (what failover tests).
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      ...args,
    ]);
  const psql = (port: number, sql: string) =>
    run([join(bin, 'psql'), '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-c', sql]);
  await run([join(bin, 'initdb'), '-D', primary, '-U', 'postgres', '--auth=trust', '--no-sync']);
  await pgCtl(primary, primaryPort, 'start');
  await run([join(bin, 'createdb'), '-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', 'chaos']);
  await run([
    join(bin, 'pg_basebackup'),
    '-h',
    '127.0.0.1',
    '-p',
    String(primaryPort),
    '-U',
    'postgres',
    '-D',
    standby,
    '-R',
    '-X',
    'stream',
    '--checkpoint=fast',
  ]);
  await pgCtl(standby, standbyPort, 'start');
  // Synchronous from now on (set after the copy, so the promoted standby does not wait for one).
  await psql(primaryPort, "alter system set synchronous_standby_names = '*'");
  await psql(primaryPort, 'select pg_reload_conf()');
  for (let i = 0; ; i++) {
    const state = await text([
      ...asOwner([join(bin, 'psql'), '-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-tAc']),
      'select sync_state from pg_stat_replication',
    ]);
    if (state === 'sync') break;
    if (i > 200) throw new Error(`the standby did not become synchronous (${state || 'not streaming'})`);
    await Bun.sleep(50);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${primaryPort},127.0.0.1:${standbyPort}/chaos`,
    primaryPort,
    standbyPort,
    stopPrimary: () => run([join(bin, 'pg_ctl'), '-D', primary, '-m', 'immediate', 'stop']),
    stopStandby: () => run([join(bin, 'pg_ctl'), '-D', standby, '-m', 'immediate', 'stop']),
    async promote() {
      await run([join(bin, 'pg_ctl'), '-D', standby, '-w', 'promote']);
    },
    async destroy() {
      for (const data of [primary, standby])
        if (existsSync(join(data, 'postmaster.pid')))
          await run([join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
