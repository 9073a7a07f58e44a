#!/usr/bin/env bun
// The `argus` command: `npm run argus -- <command> [options]` or `bunx argus <command>`.
import { loadConfig, ConfigError, type Config } from './config.ts';
import { startService, type Service } from './main.ts';
import { openDb } from './db/index.ts';
import { migrate, MigrationError } from './db/migrate.ts';
import { onShutdownSignal } from './platform.ts';

export class UsageError extends Error {}

export interface Command {
  summary: string;
  usage: string;
  run(args: ParsedArgs, config: Config): Promise<number | 'running'>;
}

export interface ParsedArgs { flags: Record<string, string | true>; positional: string[] }

export function parseArgs(argv: string[]): ParsedArgs {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      const next = argv[i + 1];
      if (inline !== undefined) flags[name] = inline;
      else if (next !== undefined && !next.startsWith('--')) flags[name] = argv[++i];
      else flags[name] = true;
    } else if (arg === '-h') flags.help = true;
    else positional.push(arg);
  }
  return { flags, positional };
}

export function stringFlag(args: ParsedArgs, name: string, required: true): string;
export function stringFlag(args: ParsedArgs, name: string, required?: false): string | undefined;
export function stringFlag(args: ParsedArgs, name: string, required = false): string | undefined {
  const value = args.flags[name];
  if (value === true) throw new UsageError(`--${name} needs a value`);
  if (value === undefined && required) throw new UsageError(`--${name} is required`);
  return value;
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
      return keepRunning(service);
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
