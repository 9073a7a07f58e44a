// The style the studio and the portal share (over the page kit's, src/http/html.ts): the top
// bar, lists of buttons, tables that read as cards on a narrow screen, facts, statuses in words
// and colour (a symbol or a word is always there too), and dark-mode buttons.
export const CONSOLE_STYLE = `
[hidden] { display: none !important; }
.topbar { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: baseline; justify-content: space-between; }
.topbar p { margin: 0; color: var(--muted); }
.topbar button { margin: 0; padding: .35rem .8rem; }
nav ul { list-style: none; padding: 0; margin: 0; }
nav .sub { display: block; font-weight: 400; font-size: .85rem; color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; margin-top: .6rem; }
caption { text-align: left; }
th, td { text-align: left; border-bottom: 1px solid var(--border); padding: .3rem .5rem; vertical-align: top; }
td button.link { margin: 0; padding: 0; background: none; color: var(--accent); text-decoration: underline; font: inherit; font-family: ui-monospace, monospace; font-size: .88rem; }
tr[aria-selected=true] td { background: var(--field); font-weight: 600; }
.row > div { flex: 1 1 12rem; }
.row label { margin-top: .4rem; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1rem; margin: .5rem 0 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
/* Dark mode: the accent is light, so buttons on it take dark text (white on #58a6ff is 2.5:1). */
@media (prefers-color-scheme: dark) { button { color: #0d1117; } }
@media (max-width: 760px) {
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.cards tr { display: block; border-bottom: 1px solid var(--border); padding: .35rem 0; }
  table.cards td { display: grid; grid-template-columns: 7.5rem minmax(0, 1fr); gap: .5rem; border: 0; padding: .1rem .3rem; overflow-wrap: anywhere; }
  table.cards td::before { content: attr(data-label); font-weight: 600; color: var(--muted); }
  table.cards td[colspan]::before { content: none; }
}
.status { white-space: nowrap; font-weight: 600; }
.status-succeeded, .st-redeemed, .sub-active { color: #1a7f37; }
.status-failed, .st-denied, .st-replayDetected, .st-expired, .sub-disabled { color: var(--error); }
.status-retrying, .st-awaitingLogin, .st-awaitingConsent, .sub-failing, .sub-paused { color: #9a6700; }
@media (prefers-color-scheme: dark) { .status-succeeded, .st-redeemed, .sub-active { color: #3fb950; } .status-retrying, .st-awaitingLogin, .st-awaitingConsent, .sub-failing, .sub-paused { color: #d29922; } }
`;
