// The one metrics registry: counters, gauges and histograms rendered as Prometheus text
// format 0.0.4. Gauges, and counters kept elsewhere, may be read when scraped
// (`collect`, awaited by scrape()). Every family
// is listed in docs/operating.md, Operations; promtool checks the output in the suite.
import { realTime } from './actors/clock.ts';
type Labels = Record<string, string>;

const NEEDS_ESCAPE = /[\\"\n]/;
const escapeLabel = (value: string) =>
  NEEDS_ESCAPE.test(value) ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : value;

/** Callers mostly write their labels in one order already: checking costs less than sorting. */
function inOrder(keys: string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

/** The series' key, its labels as rendered: on every request's path, so no regex runs where nothing needs escaping. */
function labelKey(labels: Labels): string {
  const keys = Object.keys(labels);
  if (!inOrder(keys)) keys.sort();
  let key = '';
  for (const k of keys) key += `${key ? ',' : ''}${k}="${escapeLabel(String(labels[k]))}"`;
  return key;
}

interface Series {
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
}

export class Counter {
  readonly values = new Map<string, number>();
  /** Reads a total kept elsewhere (the process's CPU time) when scraped. */
  collect?: (counter: Counter) => void | Promise<void>;
  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
  /** The total as read by collect; never lower than before. */
  set(value: number, labels: Labels = {}): void {
    const key = labelKey(labels);
    this.values.set(key, Math.max(value, this.values.get(key) ?? 0));
  }
}

export class Gauge {
  readonly values = new Map<string, number>();
  /** Sets the gauge's values when scraped (a query, a reading of the process). */
  collect?: (gauge: Gauge) => void | Promise<void>;
  set(value: number, labels: Labels = {}): void {
    this.values.set(labelKey(labels), value);
  }
}

export class Histogram {
  readonly series = new Map<string, { counts: number[]; sum: number; count: number }>();
  constructor(readonly buckets: number[]) {}
  observe(value: number, labels: Labels = {}): void {
    const key = labelKey(labels);
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }
}

export class Metrics {
  private readonly entries = new Map<string, { meta: Series; metric: Counter | Gauge | Histogram }>();
  private readonly collectErrors = this.counter(
    'argus_metrics_collect_errors_total',
    'Readings that failed at a scrape (their last values were served), by family',
  );

  counter(name: string, help: string, collect?: (counter: Counter) => void | Promise<void>): Counter {
    const c = this.get(name, help, 'counter', () => new Counter()) as Counter;
    if (collect) c.collect = collect;
    return c;
  }
  gauge(name: string, help: string, collect?: (gauge: Gauge) => void | Promise<void>): Gauge {
    const g = this.get(name, help, 'gauge', () => new Gauge()) as Gauge;
    if (collect) g.collect = collect;
    return g;
  }
  histogram(
    name: string,
    help: string,
    buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  ): Histogram {
    return this.get(name, help, 'histogram', () => new Histogram(buckets)) as Histogram;
  }

  private get(name: string, help: string, type: Series['type'], make: () => Counter | Gauge | Histogram) {
    const existing = this.entries.get(name);
    if (existing) return existing.metric;
    const metric = make();
    this.entries.set(name, { meta: { help, type }, metric });
    return metric;
  }

  /**
   * The text of every family, after each gauge's collect has run (in parallel). A collect that
   * fails leaves its family's last values and is counted in argus_metrics_collect_errors_total.
   */
  async scrape(): Promise<string> {
    const failures = this.collectErrors;
    await Promise.all(
      [...this.entries].map(async ([name, { metric }]) => {
        if (metric instanceof Histogram || !metric.collect) return;
        try {
          await (metric.collect as (m: typeof metric) => void | Promise<void>)(metric);
        } catch {
          failures.inc({ family: name });
        }
      }),
    );
    return this.render();
  }

  /** The text as it stands (counters and histograms; gauges as last collected). */
  render(): string {
    const out: string[] = [];
    for (const [name, { meta, metric }] of this.entries) {
      out.push(`# HELP ${name} ${meta.help}`, `# TYPE ${name} ${meta.type}`);
      if (metric instanceof Histogram) {
        for (const [key, s] of metric.series) {
          const sep = key ? ',' : '';
          metric.buckets.forEach((b, i) => {
            out.push(`${name}_bucket{${key}${sep}le="${b}"} ${s.counts[i]}`);
          });
          out.push(`${name}_bucket{${key}${sep}le="+Inf"} ${s.count}`);
          out.push(`${name}_sum${key ? `{${key}}` : ''} ${s.sum}`, `${name}_count${key ? `{${key}}` : ''} ${s.count}`);
        }
      } else {
        for (const [key, v] of metric.values) out.push(`${name}${key ? `{${key}}` : ''} ${v}`);
      }
    }
    return `${out.join('\n')}\n`;
  }
}

/** The process's own figures, under the names Prometheus client libraries use. */
export function registerProcessMetrics(metrics: Metrics, startedAt = realTime()): void {
  metrics
    .gauge('process_start_time_seconds', 'Start time of the process since the Unix epoch, in seconds')
    .set(Math.floor(startedAt / 1000));
  metrics.counter('process_cpu_seconds_total', 'User and system CPU time spent, in seconds', (c) => {
    const { user, system } = process.cpuUsage();
    c.set((user + system) / 1e6);
  });
  metrics.gauge('process_resident_memory_bytes', 'Resident memory size in bytes', (g) =>
    g.set(process.memoryUsage().rss),
  );
  metrics.gauge('process_heap_bytes', 'JavaScript heap in use, in bytes', (g) => g.set(process.memoryUsage().heapUsed));
}
