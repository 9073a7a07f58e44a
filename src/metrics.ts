// A small Prometheus registry: counters, gauges and histograms rendered as text format 0.0.4.
type Labels = Record<string, string>;

function labelKey(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  return keys.map((k) => `${k}="${String(labels[k]).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',');
}

interface Series { help: string; type: 'counter' | 'gauge' | 'histogram' }

export class Counter {
  readonly values = new Map<string, number>();
  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
}

export class Gauge {
  readonly values = new Map<string, number>();
  collect?: () => void;
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
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]) s.counts[i]++;
    s.sum += value;
    s.count++;
  }
}

export class Metrics {
  private readonly entries = new Map<string, { meta: Series; metric: Counter | Gauge | Histogram }>();

  counter(name: string, help: string): Counter {
    return this.get(name, help, 'counter', () => new Counter()) as Counter;
  }
  gauge(name: string, help: string, collect?: () => void): Gauge {
    const g = this.get(name, help, 'gauge', () => new Gauge()) as Gauge;
    if (collect) g.collect = collect;
    return g;
  }
  histogram(name: string, help: string, buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]): Histogram {
    return this.get(name, help, 'histogram', () => new Histogram(buckets)) as Histogram;
  }

  private get(name: string, help: string, type: Series['type'], make: () => Counter | Gauge | Histogram) {
    const existing = this.entries.get(name);
    if (existing) return existing.metric;
    const metric = make();
    this.entries.set(name, { meta: { help, type }, metric });
    return metric;
  }

  render(): string {
    const out: string[] = [];
    for (const [name, { meta, metric }] of this.entries) {
      out.push(`# HELP ${name} ${meta.help}`, `# TYPE ${name} ${meta.type}`);
      if (metric instanceof Histogram) {
        for (const [key, s] of metric.series) {
          const sep = key ? ',' : '';
          metric.buckets.forEach((b, i) => out.push(`${name}_bucket{${key}${sep}le="${b}"} ${s.counts[i]}`));
          out.push(`${name}_bucket{${key}${sep}le="+Inf"} ${s.count}`);
          out.push(`${name}_sum${key ? `{${key}}` : ''} ${s.sum}`, `${name}_count${key ? `{${key}}` : ''} ${s.count}`);
        }
      } else {
        if (metric instanceof Gauge) metric.collect?.();
        for (const [key, v] of metric.values) out.push(`${name}${key ? `{${key}}` : ''} ${v}`);
      }
    }
    return out.join('\n') + '\n';
  }
}
