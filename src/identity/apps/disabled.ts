/**
 * The "app disabled" rule, in one place: a disabled app gets no new token of any kind (grant,
 * authorization request, service token), and the tokens it already holds stop at their next use.
 * Each moment answers with its own error code and words.
 */
export function isDisabled(app: { governance: { disabled?: boolean } }): boolean {
  return app.governance.disabled === true;
}
