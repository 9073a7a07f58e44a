// The studio's journal feed: rows in seq order as they become visible, a row that commits
// behind one already sent still sent (once), Last-Event-ID honoured, the stream closed when
// the client goes away.
import { describe, expect, test } from 'bun:test';
import { journalEvents, startSeq, type FeedSource } from '../../src/studio/feed.ts';
import type { JournalRow } from '../../src/studio/store.ts';
import { silentLogger } from '../../src/log.ts';

const row = (seq: number): JournalRow => ({
  seq,
  machine: 'delivery',
  instance_id: 'dlv_x',
  from_state: null,
  event_type: 'E',
  to_state: `s${seq}`,
  at: new Date(0),
});

/** A journal whose rows become visible when the test says (as transactions commit). */
function journal() {
  const visible: JournalRow[] = [];
  const source: FeedSource = {
    read: async (after, skip, limit) =>
      visible
        .filter((r) => r.seq > after && !skip.includes(r.seq))
        .sort((a, b) => a.seq - b.seq)
        .slice(0, limit),
    lastSeq: async () => Math.max(0, ...visible.map((r) => r.seq)),
  };
  return { source, commit: (seq: number) => void visible.push(row(seq)) };
}

/** Reads server-sent events from a response until `until` says stop. */
async function events(
  res: Response,
  until: (got: Array<{ event: string; id: string | null; data: string }>) => boolean,
) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const got: Array<{ event: string; id: string | null; data: string }> = [];
  let buffer = '';
  while (!until(got)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const chunk = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const lines = chunk.split('\n');
      const data = lines.find((l) => l.startsWith('data: '));
      if (!data) continue;
      got.push({
        event: lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message',
        id: lines.find((l) => l.startsWith('id: '))?.slice(4) ?? null,
        data: data.slice(6),
      });
    }
  }
  return { got, reader };
}

const seqs = (got: Array<{ event: string; id: string | null }>) =>
  got.filter((g) => g.event === 'transition').map((g) => Number(g.id));

describe('journal feed', () => {
  test('a row committed behind one already sent is still sent, once', async () => {
    const j = journal();
    j.commit(1);
    const abort = new AbortController();
    const res = journalEvents(new Request('http://x/', { signal: abort.signal }), 0, j.source, {
      pollMs: 10,
      settleMs: 300,
      log: silentLogger,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const first = await events(res, (got) => seqs(got).length >= 1);
    expect(first.got[0]!.event).toBe('ready');
    j.commit(3); // seq 2 is taken by a transaction still open
    const reader = first.reader;
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        text += decoder.decode(value, { stream: true });
      }
    };
    await readUntil('id: 3\n');
    j.commit(2); // it commits now, after 3 was sent
    await readUntil('id: 2\n');
    await new Promise((r) => setTimeout(r, 100)); // more polls: nothing is sent twice
    j.commit(4);
    await readUntil('id: 4\n');
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect([1, ...ids]).toEqual([1, 3, 2, 4]);
    abort.abort();
    expect((await reader.read()).done).toBe(true);
  });

  test('a reconnecting client resumes after its Last-Event-ID; a bad one starts from now', () => {
    const at = (value: string | null) =>
      startSeq(new Request('http://x/', { headers: value === null ? {} : { 'last-event-id': value } }), 50);
    expect(at(null)).toBe(50);
    expect(at('12')).toBe(12);
    expect(at('not a number')).toBe(50);
    expect(at('-3')).toBe(50);
    expect(at('999')).toBe(50);
  });

  test('a failing read ends the stream with an error event, not a crash', async () => {
    const source: FeedSource = {
      read: async () => {
        throw new Error('connection lost');
      },
      lastSeq: async () => 0,
    };
    const res = journalEvents(new Request('http://x/'), 0, source, { pollMs: 10, log: silentLogger });
    const { got, reader } = await events(res, (g) => g.some((e) => e.event === 'error'));
    expect(JSON.parse(got.find((e) => e.event === 'error')!.data)).toMatchObject({ error: 'temporarily_unavailable' });
    expect((await reader.read()).done).toBe(true);
  });

  test('a viewer whose sign-in ended (revoked, expired) is told so and the stream ends', async () => {
    const { source, commit } = journal();
    let allowed = true;
    const res = journalEvents(new Request('http://x/'), 0, source, {
      pollMs: 5,
      heartbeatMs: 20,
      log: silentLogger,
      stillAllowed: async () => allowed,
    });
    commit(1);
    const first = await events(res, (g) => seqs(g).includes(1));
    allowed = false;
    // Rows keep coming (no quiet moment for a keep-alive): the check happens all the same.
    let next = 2;
    const busy = setInterval(() => commit(next++), 2);
    const rest: string[] = [];
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await first.reader.read();
      if (done) break;
      rest.push(decoder.decode(value));
    }
    clearInterval(busy);
    expect(rest.join('')).toContain('event: error');
    expect(rest.join('')).toContain('invalid_token');
  });
});
