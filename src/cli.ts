#!/usr/bin/env bun
// The `argus` command: `npm run argus -- <command> [options]`.
import { loadConfig, type Config } from './config.ts';
import { ConfigError } from './config-error.ts';
import { openServices, startService, type Service } from './main.ts';
import { parseArgs, UsageError, type ParsedArgs } from './args.ts';
import { adminCommands, type AdminResult } from './admin-commands.ts';
import type { Services } from './services.ts';
import { callControl, controlSocketPath, startControlSocket } from './control.ts';
import { openDb } from './db/index.ts';
import { embeddedDatabaseHolder, EmbeddedDatabaseInUse } from './db/embedded-lock.ts';
import { BundleError } from './graphql/bundles.ts';
import { migrate, MigrationError } from './db/migrate.ts';
import { onReloadSignal, onShutdownSignal } from './platform.ts';
import { createLogger } from './log.ts';
import { ApiError } from './http/errors.ts';

export interface Command {
  summary: string;
  usage: string;
  run(args: ParsedArgs, config: Config): Promise<number | 'running'>;
}

function keepRunning(service: Service): 'running' {
  onShutdownSignal((signal) => {
    service.log.info('shutting down', { signal });
    service.stop().then(
      () => process.exit(0),
      (error) => {
        service.log.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  });
  return 'running';
}

export const commands: Record<string, Command> = {
  serve: {
    summary: 'Start the HTTP service and its workers (the default command).',
    usage: 'argus serve [--no-workers]\n\nListens on HOST:PORT (default 127.0.0.1:3000). Without DATABASE_URL, keeps an embedded\nPostgres under DATA_DIR (default ./.data). See README.md for every variable.',
    async run(args, config) {
      const service = await startService(config, { http: true, workers: args.flags['no-workers'] === undefined && config.runWorkers });
      // Stoppable from the moment it answers: a SIGTERM between listening and the end of
      // start-up killed it uncleanly (exit 143), and kept the embedded database's lock.
      keepRunning(service);
      onReloadSignal(() => void service.reloadTls());
      if (!config.databaseUrl) {
        const control = await startControlSocket(service, controlSocketPath(config.dataDir));
        service.onStop(() => control.stop());
      }
      if (!(await service.tenants.any())) {
        service.log.info('no tenant yet: create one with `npm run argus -- bootstrap --tenant NAME --admin-email EMAIL --json`; it prints an admin access token for the API examples');
      }
      return 'running';
    },
  },
  worker: {
    summary: 'Run workers only (delivery, timers); start several to scale out on one Postgres.',
    usage: 'argus worker\n\nNeeds DATABASE_URL: the embedded database cannot be shared between processes.',
    async run(_args, config) {
      if (!config.databaseUrl) throw new UsageError('argus worker needs DATABASE_URL (the embedded database belongs to one process)');
      const service = await startService(config, { http: false, workers: true });
      service.log.info('worker started');
      return keepRunning(service);
    },
  },
  migrate: {
    summary: 'Apply pending database migrations and exit.',
    usage: 'argus migrate\n\nSafe to run while other processes start: migrations run behind an advisory lock.',
    async run(_args, config) {
      const db = await openDb(config);
      try {
        const applied = await migrate(db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      } finally {
        await db.close();
      }
      return 0;
    },
  },
};

/** Runs an admin command in-process, or through the server's control socket when
 * `argus serve` holds the embedded database. */
async function runAdmin(name: string, args: ParsedArgs, config: Config): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const reply = config.databaseUrl ? null : await controlReply(name, args, config);
    if (reply) {
      if (!reply.ok) {
        console.error(`argus ${name}: ${reply.message}`);
        return reply.usage ? 2 : 1;
      }
      return print(reply.result);
    }
    // One-shot commands print results on stdout; their logs go to stderr.
    let services: Services;
    try {
      services = await openServices(config, { log: createLogger('warn', { service: 'argus' }, (line) => process.stderr.write(line + '\n')) });
    } catch (error) {
      // A server took the database between the two looks: ask it instead.
      if (error instanceof EmbeddedDatabaseInUse && attempt === 0) continue;
      throw error;
    }
    try {
      return print(await adminCommands[name].run(services, args));
    } finally {
      await services.actors.drain();
      await services.db.close();
    }
  }

  function print(result: AdminResult): number {
    console.log(args.flags.json ? JSON.stringify(result.json, null, 2) : result.text);
    return 0;
  }
}

/**
 * The running server's answer through its control socket; null when no server holds the
 * embedded database (the command then opens it itself). A server that holds it but is not
 * answering yet is still starting: wait for it rather than open the database beside it.
 */
async function controlReply(name: string, args: ParsedArgs, config: Config) {
  const socket = controlSocketPath(config.dataDir);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const reply = await callControl(socket, name, args);
    if (reply) return reply;
    const holder = await embeddedDatabaseHolder(config.dataDir);
    if (holder === null) return null;
    if (Date.now() > deadline) throw new EmbeddedDatabaseInUse(holder, config.dataDir);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

for (const [name, admin] of Object.entries(adminCommands)) {
  commands[name] = { summary: admin.summary, usage: admin.usage, run: (args, config) => runAdmin(name, args, config) };
}

function help(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    'argus — the Argus Integrations service',
    '',
    'Usage: argus <command> [options]    (argus <command> --help for details)',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number | 'running'> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') {
    console.log(help());
    return 0;
  }
  const name = first === undefined || first.startsWith('-') ? 'serve' : first;
  const command = commands[name];
  if (!command) {
    console.error(`argus: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const args = parseArgs(first === undefined || first.startsWith('-') ? argv : rest);
  if (args.flags.help) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(args, loadConfig());
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof MigrationError) {
      console.error(`argus ${name}: ${error.message}`);
      return 2;
    }
    if (error instanceof ApiError) {
      console.error(`argus ${name}: ${error.description}`);
      return 1;
    }
    if (error instanceof EmbeddedDatabaseInUse || error instanceof BundleError) {
      console.error(`argus ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) {
  runCli(process.argv.slice(2)).then(
    (code) => { if (code !== 'running') process.exit(code); },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
