// Card styles, inside the closed shadow root. px only: rem would follow the page's root size.
export const CARD_CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483647; }
.card {
  --bg: #ffffff; --fg: #1d2330; --muted: #5b6475; --line: #e0e3ea; --accent: #3a5bd9; --chip: #eef1fb;
  --active: #1e7a3d; --ended: #8a8f99; --announced: #a06200;
  position: fixed; box-sizing: border-box; width: 380px; max-width: calc(100vw - 16px);
  overflow: auto; background: var(--bg); color: var(--fg);
  border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 8px 28px rgba(20, 25, 40, 0.22);
  padding: 12px 14px; font: 13px/1.5 system-ui, -apple-system, 'Apple SD Gothic Neo', 'Noto Sans KR', 'Malgun Gothic', sans-serif;
  text-align: left; direction: ltr; letter-spacing: normal; word-break: keep-all; overflow-wrap: anywhere;
}
.card.dark {
  --bg: #1c2029; --fg: #e8eaf0; --muted: #a3aab8; --line: #343a47; --accent: #8ea6ff; --chip: #2a3142;
  --active: #7ed69a; --ended: #8f96a3; --announced: #f0b45a;
}
.card:focus { outline: none; }
.card-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; margin-bottom: 6px; }
.title { font-size: 16px; font-weight: 700; margin: 0; line-height: 1.3; }
.subtitle { color: var(--muted); font-size: 12px; }
.close { all: unset; cursor: pointer; font-size: 18px; line-height: 1; padding: 2px 6px; border-radius: 6px; color: var(--muted); }
.close:hover, .close:focus-visible { background: var(--chip); color: var(--fg); }
.group { margin-top: 8px; }
.kind { margin: 0 0 4px; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
ul { list-style: none; margin: 0; padding: 0; }
.alliance { padding: 6px 0; border-top: 1px solid var(--line); }
.group .alliance:first-child { border-top: 0; }
.alliance-head { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.alliance-name { font-weight: 600; margin-right: 4px; }
.count { color: var(--muted); font-weight: 400; font-size: 12px; }
.partners { display: inline-flex; flex-wrap: wrap; gap: 4px; }
.partner { all: unset; cursor: pointer; background: var(--chip); border-radius: 12px; padding: 1px 9px; font-size: 12.5px; display: inline-flex; align-items: center; gap: 4px; }
.partner:hover, .partner:focus-visible { outline: 2px solid var(--accent); outline-offset: 0; }
.partner.mentioned { font-weight: 600; }
.new-mark { display: inline-block; margin-right: 6px; padding: 0 5px; border-radius: 3px; background: var(--accent); color: var(--bg); font-size: 11px; font-weight: 700; line-height: 16px; vertical-align: 1px; }
.new-line { margin: 0 0 6px; font-size: 12px; color: var(--accent); font-weight: 600; }
.dot { width: 6px; height: 6px; border-radius: 3px; background: var(--accent); display: inline-block; }
.meta { display: flex; gap: 8px; color: var(--muted); font-size: 12px; margin-top: 2px; }
.status { font-weight: 600; }
.status-active { color: var(--active); }
.status-ended { color: var(--ended); }
.status-announced { color: var(--announced); }
.summary { margin: 3px 0 0; }
.sources { margin-top: 3px; font-size: 12px; }
.sources li { display: inline; }
.sources li + li::before { content: ' · '; color: var(--muted); }
a { color: var(--accent); text-decoration: none; }
a:hover, a:focus-visible { text-decoration: underline; }
.muted { color: var(--muted); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.link { all: unset; cursor: pointer; color: var(--accent); font-size: 12px; }
.link:hover, .link:focus-visible { text-decoration: underline; }
.card-foot { margin-top: 8px; padding-top: 6px; border-top: 1px solid var(--line); }
.empty { color: var(--muted); margin: 4px 0; }
.toast {
  position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); background: #1d2330; color: #fff;
  padding: 8px 14px; border-radius: 8px; font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.25);
}
.toast-action { all: unset; cursor: pointer; margin-left: 10px; font-weight: 700; color: #9fb3ff; text-decoration: underline; }
.clip-form { width: 420px; }
.clip-form form { display: flex; flex-direction: column; gap: 8px; }
.clip-field { display: flex; flex-direction: column; gap: 3px; border: 0; padding: 0; margin: 0; min-width: 0; }
.clip-field legend, .clip-field > span { font-size: 11px; font-weight: 700; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; padding: 0; }
.clip-row { display: flex; gap: 8px; }
.clip-row > * { flex: 1; min-width: 0; }
.clip-input, .clip-form select, .clip-form textarea { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 4px 6px; box-sizing: border-box; width: 100%; }
.clip-member { display: flex; align-items: center; gap: 6px; }
.clip-member .clip-input { width: auto; }
.clip-duplicate { background: var(--chip); border-radius: 8px; padding: 8px; }
.clip-duplicate p { margin: 0 0 6px; }
.clip-actions { display: flex; gap: 8px; align-items: center; }
.clip-actions button { flex: none; white-space: nowrap; }
.clip-form button { font: inherit; cursor: pointer; border: 1px solid var(--line); background: var(--bg); color: var(--fg); border-radius: 6px; padding: 4px 10px; }
.clip-form button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
.clip-form button.close { border: 0; }
.clip-form button.link-button { border: 0; padding: 0; background: none; color: var(--accent); text-decoration: underline; }
.clip-shortcut { margin: 0; font-size: 12px; }
.badge { font-size: 11px; padding: 0 6px; border-radius: 8px; background: var(--chip); }
.field-error { color: #b3261e; font-size: 12px; }
.warning { color: #a06200; font-size: 12px; margin: 0; }
.clip-button { position: fixed; all: unset; position: fixed; cursor: pointer; background: #3a5bd9; color: #fff; font: 600 12px/1 system-ui, sans-serif; padding: 6px 9px; border-radius: 14px; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
`;
