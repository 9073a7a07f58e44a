// The one logger: one entry per line, as JSON (for machines: the default when stdout is not a
// terminal) or as readable text (LOG_FORMAT=pretty: the default in a terminal). Never pass
// secrets, tokens or signatures here; a field whose name says it holds one is redacted anyway,
// in both formats.
import { isSpanContextValid, trace } from '@opentelemetry/api';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = 'json' | 'pretty';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

const SECRET_FIELD = /secret|password|token|authorization|signature|cookie|master_?key/i;

function fieldValue(name: string, value: unknown): unknown {
  if (SECRET_FIELD.test(name)) return '[redacted]';
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}

function json(entry: Record<string, unknown>): string {
  return JSON.stringify(entry);
}

/** `12:00:00.000 INFO  listening url=http://… workers=true`, an error's stack indented below. */
function pretty(entry: Record<string, unknown>): string {
  const { time, level, msg, service: _service, ...fields } = entry;
  const stacks: string[] = [];
  const pairs = Object.entries(fields).map(([k, v]) => {
    if (v && typeof v === 'object' && 'stack' in v && 'message' in v) {
      const { name, message, stack } = v as { name: string; message: string; stack?: string };
      if (stack)
        stacks.push(
          ...stack
            .split('\n')
            .slice(1)
            .map((line) => `    ${line.trim()}`),
        );
      return `${k}=${JSON.stringify(`${name}: ${message}`)}`;
    }
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    return `${k}=${typeof v === 'string' && !/^[^\s"=]+$/.test(v) ? JSON.stringify(v) : text}`;
  });
  const head = `${String(time).slice(11, 23)} ${String(level).toUpperCase().padEnd(5)} ${msg}`;
  return [pairs.length ? `${head}  ${pairs.join(' ')}` : head, ...stacks].join('\n');
}

export function createLogger(
  level: LogLevel = 'info',
  base: Record<string, unknown> = {},
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  format: LogFormat = 'json',
): Logger {
  const render = format === 'pretty' ? pretty : json;
  const emit = (lvl: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level: lvl, msg };
    for (const [k, v] of Object.entries(base)) entry[k] = fieldValue(k, v);
    // Inside a traced request or delivery, its trace: a log line is found from a trace and back.
    const span = trace.getActiveSpan()?.spanContext();
    if (span && isSpanContextValid(span)) {
      entry.trace_id = span.traceId;
      entry.span_id = span.spanId;
    }
    if (fields) for (const [k, v] of Object.entries(fields)) entry[k] = fieldValue(k, v);
    write(render(entry));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger(level, { ...base, ...fields }, write, format),
  };
}

export const silentLogger: Logger = createLogger('error', {}, () => {});
