// Reads a copy of the published contract (its text documents, `000_*` the integration guide and
// `001_*` the API reference) into the fixture's shape: the drift test compares the two, and
// write-fixture.ts refreshes the fixture from a new copy.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractDocument, ContractEntry, DocumentNumber } from '../support/contract-fixture.ts';

const DOCUMENTS: Record<DocumentNumber, { name: string; parse: (lines: string[]) => ContractEntry[] }> = {
  '000': { name: 'integration-guide', parse: parseGuide },
  '001': { name: 'api-reference', parse: parseReference },
};

export function readPublishedContract(dir: string): ContractDocument[] {
  return readdirSync(dir)
    .sort()
    .map((file) => {
      const number = /^(\d{3})_/.exec(file)?.[1];
      if (!number || !(number in DOCUMENTS))
        throw new Error(`${file}: not a document of the contract the fixture knows (000_*, 001_*)`);
      const document = number as DocumentNumber;
      const text = readFileSync(join(dir, file), 'utf8');
      const lines = text.split('\n').map((line) => line.trimEnd());
      return {
        document,
        name: DOCUMENTS[document].name,
        title: lines.filter((line) => line && !line.startsWith('['))[0] ?? '',
        sha256: createHash('sha256').update(text).digest('hex'),
        entries: DOCUMENTS[document].parse(lines),
      };
    });
}

/** The guide's examples: a block of `# what it does` comments, each followed by its curl command. */
function parseGuide(lines: string[]): ContractEntry[] {
  const entries: ContractEntry[] = [];
  let prose = '';
  let title = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith('# ')) title = line.slice(2);
    else if (line.startsWith('curl ')) {
      const end = commandEnd(lines, i);
      entries.push({ section: prose, access: 'public', title, request: lines.slice(i, end + 1) });
      i = end;
    } else if (line) prose = line;
  }
  return entries;
}

/** The last line of the command starting at `start`: backslash continuations, then any open quote. */
function commandEnd(lines: string[], start: number): number {
  let end = start;
  while (lines[end]!.endsWith('\\') && end + 1 < lines.length) end++;
  if (
    (
      lines
        .slice(start, end + 1)
        .join('\n')
        .match(/'/g) ?? []
    ).length %
      2 ===
    1
  ) {
    while (end + 1 < lines.length && !lines[++end]!.includes("'"));
  }
  return end;
}

const METHODS = /^(GET|POST|PUT|PATCH|DELETE)(\/(GET|POST|PUT|PATCH|DELETE))*$/;
const SECTION_MARKERS: Record<string, ContractEntry['access']> = {
  'Contratto pubblico': 'public',
  'Disponibile su richiesta': 'reviewed',
};
const FACTS: Record<string, 'auth' | 'audience' | null> = {
  Host: null,
  Auth: 'auth',
  Audience: 'audience',
  Stabilità: null,
};

/**
 * The reference's route cards. A section starts with a marker line (public or on request) and its
 * title; a card is a heading (methods and path, or what a reviewed capability covers), a title and
 * a description, then its facts from "Host" on and an optional example.
 */
function parseReference(all: string[]): ContractEntry[] {
  const lines = all.filter((line) => line.trim() !== '');
  const cardAt = (i: number) =>
    METHODS.test(lines[i]!) && lines[i + 4] === 'Host' ? 'route' : lines[i + 3] === 'Host' ? 'capability' : null;
  const entries: ContractEntry[] = [];
  let section = '';
  let access: ContractEntry['access'] = 'public';
  let i = 0;
  while (i < lines.length) {
    if (lines[i]! in SECTION_MARKERS) {
      access = SECTION_MARKERS[lines[i]!]!;
      section = lines[i + 1] ?? '';
      i += 2;
      continue;
    }
    const kind = cardAt(i);
    if (!kind) {
      i++;
      continue;
    }
    const entry: ContractEntry =
      kind === 'route'
        ? { section, access, title: lines[i + 2]!, methods: lines[i]!.split('/'), path: lines[i + 1]! }
        : { section, access, title: lines[i + 1]!, covers: lines[i]! };
    i += kind === 'route' ? 4 : 3;
    while (i < lines.length && lines[i]! in FACTS) {
      const field = FACTS[lines[i]!];
      if (field) entry[field] = lines[i + 1];
      i += 2;
    }
    let end = i;
    while (end < lines.length && !(lines[end]! in SECTION_MARKERS) && !cardAt(end)) end++;
    const request = lines.indexOf('Request', i);
    const response = lines.indexOf('Response', i);
    if (request !== -1 && request < end && response !== -1 && response < end) {
      entry.request = lines.slice(request + 1, response);
      entry.response = documentedResponse(lines.slice(response + 1, end).join('\n'));
    }
    entries.push(entry);
    i = end;
  }
  return entries;
}

function documentedResponse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
