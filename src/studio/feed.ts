// Journal rows as server-sent events. The journal is read forward by seq, polled (every
// process and both database drivers behave the same). A seq is taken when a row is
// inserted but becomes visible when its transaction commits, so a row can appear behind one
// already sent: the last few seconds are read again, skipping the seqs already sent, until
// every transaction that could still hold a lower seq has had time to commit.
import { realTime } from '../actors/clock.ts';
import type { JournalRow } from './store.ts';
import { journalEntry } from './store.ts';
import type { Logger } from '../log.ts';

export interface FeedSource {
  /** Rows with seq > after, seq not in skip, oldest first, at most `limit`. */
  read(after: number, skip: number[], limit: number): Promise<JournalRow[]>;
  /** The newest seq in the journal (for how far back to look again). */
  lastSeq(): Promise<number>;
}

export interface FeedOptions {
  pollMs?: number;
  /** How long a seq may stay uncommitted before it is taken as never coming. */
  settleMs?: number;
  heartbeatMs?: number;
  /** How far behind the primary the source may read (a standby): a commit may show up that much later. */
  sourceLagMs?: number;
  limit?: number;
  /**
   * Whether the viewer may still watch (token not revoked or expired), asked at every
   * heartbeat: a stream outlives the request that opened it, not the permission.
   */
  stillAllowed?: () => Promise<boolean>;
  log: Logger;
}

const encoder = new TextEncoder();

export function journalEvents(request: Request, start: number, source: FeedSource, options: FeedOptions): Response {
  const pollMs = options.pollMs ?? 400;
  const settleMs = (options.settleMs ?? 3_000) + (options.sourceLagMs ?? 0);
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const limit = options.limit ?? 500;
  let floor = start;
  const sent = new Set<number>();
  const marks: Array<{ at: number; seq: number }> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWrite = realTime();
  let lastCheck = realTime();
  let closed = false;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        lastWrite = realTime();
        controller.enqueue(encoder.encode(text));
      };
      const stop = () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        controller.close();
      };
      const poll = async () => {
        if (closed) return;
        let full = false;
        try {
          const now = realTime();
          marks.push({ at: now, seq: await source.lastSeq() });
          const rows = await source.read(floor, [...sent], limit);
          if (closed) return;
          for (const r of rows) {
            sent.add(r.seq);
            write(`id: ${r.seq}\nevent: transition\ndata: ${JSON.stringify(journalEntry(r))}\n\n`);
          }
          full = rows.length === limit;
          // Seqs at or below what was the newest `settleMs` ago belong to settled transactions
          // (once everything visible has been read).
          while (marks.length > 1 && marks[1]!.at <= now - settleMs) marks.shift();
          // One mark at least: pushed above.
          const oldest = marks[0]!;
          if (!full && oldest.at <= now - settleMs && oldest.seq > floor) {
            floor = oldest.seq;
            for (const seq of sent) if (seq <= floor) sent.delete(seq);
          }
          // Asked on its own clock: a busy stream writes all the time and would never ask.
          if (options.stillAllowed && realTime() - lastCheck >= heartbeatMs) {
            lastCheck = realTime();
            if (!(await options.stillAllowed())) {
              write(
                `event: error\ndata: ${JSON.stringify({ error: 'invalid_token', error_description: 'your sign-in ended; sign in again' })}\n\n`,
              );
              stop();
              return;
            }
          }
          if (realTime() - lastWrite >= heartbeatMs) write(': keep-alive\n\n');
        } catch (error) {
          options.log.warn('studio stream stopped', { error });
          if (!closed)
            write(
              `event: error\ndata: ${JSON.stringify({ error: 'temporarily_unavailable', error_description: 'the stream stopped; reconnect with Last-Event-ID' })}\n\n`,
            );
          stop();
          return;
        }
        timer = setTimeout(poll, full ? 0 : pollMs);
      };
      // The client (re)loads the state it shows on `ready`: nothing committed after is missed.
      write(`retry: 1000\nevent: ready\ndata: ${JSON.stringify({ seq: start })}\n\n`);
      void poll();
      request.signal.addEventListener('abort', stop);
    },
    cancel() {
      closed = true;
      clearTimeout(timer);
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
}

/** Where a stream starts: after the client's Last-Event-ID when it reconnects, else now. */
export function startSeq(request: Request, newest: number): number {
  const header = request.headers.get('last-event-id');
  if (header === null) return newest;
  const n = Number(header);
  return Number.isSafeInteger(n) && n >= 0 && n <= newest ? n : newest;
}
