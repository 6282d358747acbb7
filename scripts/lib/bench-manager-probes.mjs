// @ts-check
// In-page probes for the big-pack benchmark, run in extension pages with
// page.evaluate: how long the manager takes from the reader's action to
// showing a pack's new counts (with its longest task meanwhile), and how long
// the popup's search takes to answer while that runs. Measured from outside
// the extension's code: only the DOM the reader sees.

/**
 * In the manager: starts `action`, resolves when the row of `origin` shows
 * `counts`. `action`: click the row's "Sync now", submit the subscribe form
 * with `url`, or choose the pack file `text` then apply its preview (then the
 * preview's own time is reported too).
 * @param {{ origin: string, counts: { companies: number, alliances: number },
 *   action: 'sync' | 'subscribe' | 'import', url?: string, text?: string }} o
 */
export function untilCountsShown({ origin, counts, action, url, text }) {
  const norm = (/** @type {string | null | undefined} */ s) => (s ?? '').replace(/[,\s]/g, '');
  const want = norm(`${counts.companies} companies · ${counts.alliances} alliances`);
  /** @type {number[]} */
  const long = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) long.push(e.duration);
  });
  observer.observe({ type: 'longtask' });
  const shown = () =>
    norm(document.querySelector(`[data-origin="${origin}"]`)?.textContent).includes(want);
  /** Resolves at the first DOM change after which `ready()` holds. */
  const when = (/** @type {() => boolean} */ ready) =>
    new Promise((resolve) => {
      if (ready()) return resolve(performance.now());
      const mo = new MutationObserver(() => {
        if (!ready()) return;
        mo.disconnect();
        resolve(performance.now());
      });
      mo.observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
  const $ = (/** @type {string} */ s) => /** @type {HTMLElement} */ (document.querySelector(s));
  return (async () => {
    if (action === 'subscribe') {
      // Typing the address is not timed: the reader's action is the click.
      const input = /** @type {HTMLInputElement} */ ($('[data-testid="subscribe-url"]'));
      input.value = url ?? '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 200));
    }
    const t0 = performance.now();
    let previewMs = Number.NaN;
    if (action === 'sync') $(`[data-origin="${origin}"] [data-testid="sync-one"]`).click();
    else if (action === 'subscribe') {
      $('[data-testid="subscribe"]').click();
      // The form starts its work (its button says so); a click lost before the form took the
      // address (a loaded machine) is repeated, for up to 5 s.
      for (let i = 0; i < 50; i++) {
        await new Promise((r) => setTimeout(r, 100));
        if ($('[data-testid="subscribe"]').hasAttribute('disabled') || shown()) break;
        $('[data-testid="subscribe"]').click();
      }
    } else {
      const input = /** @type {HTMLInputElement} */ ($('[data-testid="import-file"]'));
      const files = new DataTransfer();
      // The file's text, put in the page beforehand (see measure() in bench-bigpack.mjs).
      const body = text ?? /** @type {any} */ (window).__benchPackText ?? '';
      files.items.add(new File([body], 'pack.json', { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const previewed = await when(() => !!document.querySelector('[data-testid="import-apply"]'));
      previewMs = previewed - t0;
      $('[data-testid="import-apply"]').click();
    }
    // Never hang: a pack that never shows (an error in the manager, say) ends the run with what the page says.
    const end = await Promise.race([
      when(shown),
      new Promise((_, reject) =>
        setTimeout(
          () =>
            reject(new Error(`not shown in 180 s: ${document.body.textContent?.slice(0, 2000)}`)),
          180_000,
        ),
      ),
    ]);
    // Long tasks are reported after they end: give the last ones time to arrive.
    await new Promise((r) => setTimeout(r, 300));
    long.push(...observer.takeRecords().map((e) => e.duration));
    observer.disconnect();
    return { ms: end - t0, previewMs, longestTask: Math.max(0, ...long) };
  })();
}

/** In the popup: types queries one after another until stopped, timing each answer. */
export function startSearchProbe() {
  const probe = { answers: /** @type {number[]} */ ([]), stop: false };
  Object.assign(window, { __probe: probe });
  const box = /** @type {HTMLInputElement} */ (
    document.querySelector('[data-testid="popup-search"]')
  );
  const queries = ['가나', 'synthetic', '나다', 'ab', '다라', 'newco'];
  void (async () => {
    for (let i = 0; !probe.stop; i++) {
      const q = /** @type {string} */ (queries[i % queries.length]);
      const t0 = performance.now();
      box.value = q;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => {
        const poll = setInterval(() => {
          if (document.querySelector(`.search [data-query="${q}"]`) || probe.stop) {
            clearInterval(poll);
            resolve(null);
          }
        }, 2);
      });
      if (!probe.stop) probe.answers.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
}

/** In the popup: stops the probe and returns its answer times. */
export function stopSearchProbe() {
  const probe = /** @type {any} */ (window).__probe;
  probe.stop = true;
  return /** @type {number[]} */ (probe.answers);
}

/** In an extension page: the round trip of one "Sync now" message, in ms. */
export async function syncMessageMs(/** @type {{ message: unknown }} */ { message }) {
  const t0 = performance.now();
  await /** @type {any} */ (globalThis).chrome.runtime.sendMessage(message);
  return performance.now() - t0;
}
