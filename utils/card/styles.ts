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
`;
