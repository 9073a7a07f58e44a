// A rotated secret's grace window: one rule for app client secrets (clientSecretRotation.ts)
// and webhook signing secrets (subscription.ts's `secret` region). The window's end is fixed
// when the rotation happens, so a late timer never extends it; the previous secret is in use
// while now is strictly before that end.
//
// The two machines stay two because what a secret is for differs. An app's secrets
// authenticate what clients send: each is its own row, identified, and retired (stamped) by
// an effect when its window ends or at once with a zero grace. A webhook's sign what this
// service sends: the current and the previous are two sealed columns of the subscription,
// and a previous secret past its window is simply no longer used, so there is nothing to retire.

/** When the previous secret stops being used (ISO 8601): `at` plus the grace window. */
export function graceUntil(at: string, graceMs: number): string {
  return new Date(Date.parse(at) + graceMs).toISOString();
}

/** Whether a previous secret whose window ends at `until` is still in use at `nowMs`. */
export function inGrace(until: string | null, nowMs: number): boolean {
  return until !== null && Date.parse(until) > nowMs;
}
