// @ts-check
// The studio's state: what is open, its pages and filters, and how the page is signed in.
/** @import { Webhook, Health, Queue } from './types.js' */

export const state = {
  /** Whether the open delivery or event was opened by the reader (then it is scrolled into view). */ userAsked: false,
  /** An admin token pasted in this tab (else the session cookie is sent). */ token:
    sessionStorage.getItem('argus-token') || '',
  /** The session's CSRF token, sent with every change. @type {string | null} */ csrf: /** @type {string | null} */ (
    null
  ),
  /** @type {string | null} */ machine: null,
  /** @type {Array<{ name: string }>} */ machines: [],
  /** @type {Map<string, string>} */ svgs: new Map(),
  /** @type {string | null} */ webhook: null,
  /** @type {Webhook | null} */ hook: null,
  /** @type {Array<string | null>} */ pages: [null],
  pageIndex: 0,
  filterKey: '',
  /** @type {{ status: string, type: string, answer: string, since: string, until: string }} */ filter: {
    status: '',
    type: '',
    answer: '',
    since: '',
    until: '',
  },
  /** @type {string | null} */ delivery: null,
  /** @type {string | null} */ webhookCursor: null,
  /** @type {AbortController | null} */ stream: null,
  /** @type {AbortController | null} */ instanceStream: null,
  /** @type {ReturnType<typeof setTimeout> | null} */ refresh: null,
  /** @type {Record<string, number> | null} */ counts: null,
  /** @type {Set<string>} */ newIds: new Set(),
  /** @type {Record<string, Health>} */ health: {},
  /** @type {Record<string, Queue>} */ queues: {},
  /** @type {{ webhook: string, status: string } | null} */ acted: null,
  queueCap: 10_000,
  /** @type {string[]} */ eventTypes: [],
  /** @type {Array<string | null>} */ eventPages: [null],
  eventPageIndex: 0,
  eventFilterKey: '',
  /** @type {string | null} */ event: null,
  /** @type {number} */ clockSkew: 0,
};
