// Command-line options, shared by the CLI and the control socket: node:util's parseArgs in
// strict mode (the same on Bun, Deno and Node), so an unknown option, a missing value or a
// stray argument is a usage error rather than something silently ignored.
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** The value's placeholder in help (`--tenant NAME`). */
  value?: string;
  short?: string;
  /** Checked with the rest, before the command opens anything. */
  required?: boolean;
}
export type OptionSpecs = Record<string, OptionSpec>;

/** The options of one command line, as parsed: a string, true, or absent. */
export type Flags = Readonly<Record<string, string | boolean | undefined>>;

const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };

/** Parses `argv` against a command's options (plus -h/--help); throws UsageError on anything else. */
export function parseFlags(argv: string[], options: OptionSpecs): Flags {
  const specs = Object.fromEntries(
    Object.entries({ ...options, help: HELP }).map(([name, o]) => [
      name,
      o.short ? { type: o.type, short: o.short } : { type: o.type },
    ]),
  );
  let flags: Flags;
  try {
    flags = parseArgs({ args: argv, options: specs, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // parseArgs' own errors carry an ERR_PARSE_ARGS_* code; their first line says what is wrong.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_'))
      throw new UsageError((error as Error).message.split('\n')[0]);
    throw error;
  }
  if (flags.help) return flags;
  for (const [name, o] of Object.entries(options)) {
    if (o.required && flags[name] === undefined) throw new UsageError(`--${name} is required`);
    if (o.type === 'string' && typeof flags[name] === 'string' && flags[name].trim() === '')
      throw new UsageError(`--${name} must not be empty`);
  }
  return flags;
}

/** The options as help lists them, one a line. */
export function describeOptions(options: OptionSpecs): string {
  const rows = Object.entries({ ...options, help: HELP }).map(([name, o]): [string, string] => [
    `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`,
    o.description,
  ]);
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n');
}

/** A string option's value (parseFlags checked its type and, if required, its presence). */
export function stringFlag(flags: Flags, name: string, required: true): string;
export function stringFlag(flags: Flags, name: string, required?: false): string | undefined;
export function stringFlag(flags: Flags, name: string, required = false): string | undefined {
  const value = flags[name];
  if (value === undefined && required) throw new UsageError(`--${name} is required`);
  return typeof value === 'string' ? value : undefined;
}
