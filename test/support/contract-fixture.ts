// The public contract as this repository keeps it: test/fixtures/contract/ holds one JSON file
// per published document, with each route's example request, its documented response and the
// section it is printed under. Tests read only this; test/contract/drift.test.ts compares it
// with the published copy when one is at hand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURE_DIR = join(import.meta.dir, '../fixtures/contract');

/** The published documents, by the number they are published under. */
export type DocumentNumber = '000' | '001';

/** A route card of the API reference, a capability behind reviewed access, or an example of the guide. */
export interface ContractEntry {
  /** The section it is printed under, titled as in the contract. */
  section: string;
  access: 'public' | 'reviewed';
  title: string;
  /** Public routes of the reference: the methods and the path template of the card. */
  methods?: string[];
  path?: string;
  /** Reviewed capabilities: the routes or operations they cover, as printed. */
  covers?: string;
  auth?: string;
  audience?: string;
  /** The example request line by line: a curl command, or a bare URL. */
  request?: string[];
  /** The documented response: JSON, or text where the contract prints a sentence. */
  response?: unknown;
}

export interface ContractDocument {
  document: DocumentNumber;
  /** Names the fixture file, `<document>-<name>.json`. */
  name: string;
  title: string;
  /** Of the published text this was taken from: any change to it is drift. */
  sha256: string;
  entries: ContractEntry[];
}

export const fixtureFileName = (doc: ContractDocument) => `${doc.document}-${doc.name}.json`;

let cached: ContractDocument[] | undefined;

export function contractDocuments(): ContractDocument[] {
  cached ??= readdirSync(FIXTURE_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as ContractDocument);
  return cached;
}

export interface CurlExample {
  method: string;
  path: string;
  command: string;
  source: DocumentNumber;
  entry: ContractEntry;
}

/** Every curl example of the contract, with the method and path it requests (ids as printed). */
export function curlExamples(): CurlExample[] {
  return contractDocuments().flatMap((doc) =>
    doc.entries.flatMap((entry) => {
      const command = entry.request?.join('\n');
      if (!command?.startsWith('curl ')) return [];
      const method = /-X\s+([A-Z]+)/.exec(command)?.[1] ?? (/\s-d\s/.test(command) ? 'POST' : 'GET');
      const url = /https:\/\/[a-z.]+(\/[^\s"']*)/.exec(command);
      return [{ method, path: url ? url[1]! : '', command, source: doc.document, entry }];
    }),
  );
}
