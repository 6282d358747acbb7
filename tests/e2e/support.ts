// Shared set-up for end-to-end tests: a news server at real hostnames and
// Chromium with the built extension loaded.
import { rmSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchWithExtension } from '../../scripts/lib/browser.mjs';
import { startNewsServer } from '../../scripts/lib/news-server.mjs';
import { selfSignedCertificate } from '../../scripts/lib/tls.mjs';
import { waitForBundledPack as waitForBundledPackIn } from './messages';
import { highlightsSettled } from './settled';

export interface E2E {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  extensionUrl: (path: string) => string;
}

type Routes = Parameters<typeof startNewsServer>[0]['routes'];

/**
 * Registers beforeAll/afterAll hooks; the returned object is filled in before the tests run.
 * `httpsRoutes` are served over https at their real hostnames (a CDN, say), by a second
 * server with a self-signed certificate.
 */
export function useExtension(
  options: {
    routes?: Routes;
    httpsRoutes?: Routes;
    locale?: string;
    hasTouch?: boolean;
    headless?: boolean;
  } = {},
): E2E {
  const env = {} as E2E;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const server = await startNewsServer({ root: 'demo/sites', routes: options.routes });
    const httpsHosts = [
      ...new Set(Object.keys(options.httpsRoutes ?? {}).map((r) => r.split('/')[0] ?? '')),
    ];
    const secure = httpsHosts.length
      ? await startNewsServer({
          root: 'demo/sites',
          routes: options.httpsRoutes,
          tls: selfSignedCertificate(httpsHosts),
          hosts: httpsHosts,
        })
      : null;
    const launched = await launchWithExtension({
      executablePath: inject('chromiumPath'),
      hostRules: [server.hostRules, secure?.hostRules].filter(Boolean).join(', '),
      locale: options.locale ?? 'ko-KR',
      hasTouch: options.hasTouch ?? false,
      headless: options.headless ?? true,
      extraArgs: secure ? ['--ignore-certificate-errors'] : [],
    });
    // A missing element fails the test in seconds instead of hanging it.
    launched.context.setDefaultTimeout(15_000);
    Object.assign(env, launched);
    await waitForBundledPack(env);
    close = async () => {
      await launched.context.close();
      await server.close();
      await secure?.close();
      rmSync(launched.userDataDir, { recursive: true, force: true });
    };
  });
  afterAll(async () => close());
  return env;
}

/** The bundled pack is loaded asynchronously after install; wait until an extension page sees it. */
async function waitForBundledPack(env: E2E): Promise<void> {
  const page = await env.context.newPage();
  await page.goto(env.extensionUrl('popup.html'));
  await waitForBundledPackIn(page);
  await page.close();
}

/** Texts of the ranges registered under a highlight name, in document order. */
export async function highlightTexts(page: Page, name = 'alliance-lens'): Promise<string[]> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    if (!h) return [];
    // Ranges inside shadow roots are ordered by their host in the document.
    const anchor = (r: Range) => {
      let node: Node = r.startContainer;
      for (let root = node.getRootNode(); root instanceof ShadowRoot; root = node.getRootNode())
        node = root.host;
      return node;
    };
    const ranges = [...(h as unknown as Set<Range>)];
    ranges.sort((a, b) => {
      const [x, y] = [anchor(a), anchor(b)];
      if (
        x.getRootNode() === a.startContainer.getRootNode() &&
        y.getRootNode() === b.startContainer.getRootNode()
      ) {
        return a.compareBoundaryPoints(Range.START_TO_START, b);
      }
      if (x === y) return 0;
      return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    return ranges.map((r) => r.toString());
  }, name);
}

/**
 * Waits until at least `min` names are highlighted and the annotator says it
 * has settled: its last mark is `alliance-lens:settled`, not `…:reading`.
 */
export async function waitForHighlights(page: Page, min = 1): Promise<string[]> {
  await page.waitForFunction(highlightsSettled, min, { timeout: 15_000 });
  return highlightTexts(page);
}

/** Centre of the n-th highlighted range whose text is `text`. */
export async function mentionPoint(
  page: Page,
  text: string,
  nth = 0,
): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([t, i]) => {
      const ranges = [...(CSS.highlights.get('alliance-lens') as unknown as Set<Range>)]
        .filter((r) => r.toString() === t)
        .sort((a, b) =>
          a.startContainer.getRootNode() === b.startContainer.getRootNode()
            ? a.compareBoundaryPoints(Range.START_TO_START, b)
            : 0,
        );
      const r = ranges[i as number];
      if (!r) return null;
      // An article body that is one element of <br> lines is taller than the screen:
      // scroll the mention itself to the middle then, not its element.
      const el = r.startContainer.parentElement;
      if (el && el.getBoundingClientRect().height < innerHeight)
        el.scrollIntoView({ block: 'center' });
      else window.scrollBy(0, r.getBoundingClientRect().top - innerHeight / 2);
      const rect = r.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    [text, nth] as const,
  );
  if (!point) throw new Error(`no highlighted mention "${text}" #${nth}`);
  return point;
}

/**
 * Reads the card inside our closed shadow root. Page scripts cannot reach it,
 * and neither can Playwright's locators; the DevTools protocol can.
 */
export interface CardState {
  text: string;
  company: string | null;
  alliance: string | null;
  role: string | null;
  label: string | null;
}

export async function cardState(page: Page): Promise<CardState | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const host = findNode(root, (n) => n.nodeName === 'ALLIANCE-LENS-UI');
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = (await cdp.send('DOM.resolveNode', {
      backendNodeId: shadow.backendNodeId,
    })) as {
      object: { objectId: string };
    };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function () {
        const card = this.querySelector('.card');
        if (!card) return null;
        const label = card.getAttribute('aria-labelledby');
        return { text: card.innerText, company: card.getAttribute('data-company'),
          alliance: card.getAttribute('data-alliance'), role: card.getAttribute('role'),
          label: label ? this.getElementById(label)?.textContent ?? null : null, mode: this.mode };
      }`,
    })) as { result: { value: CardState | null } };
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Runs `fn` on the closed shadow root's card element (e.g. to click a partner). */
export async function inCard(page: Page, fn: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const shadow = findNode(root, (n) => n.nodeName === 'ALLIANCE-LENS-UI')?.shadowRoots?.[0];
    if (!shadow) throw new Error('no card host');
    const { object } = (await cdp.send('DOM.resolveNode', {
      backendNodeId: shadow.backendNodeId,
    })) as {
      object: { objectId: string };
    };
    const { result } = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function () { return (${fn})(this); }`,
    })) as { result: { value: unknown } };
    return result.value;
  } finally {
    await cdp.detach();
  }
}

interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

function findNode(node: CdpNode, pred: (n: CdpNode) => boolean): CdpNode | undefined {
  if (pred(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, pred);
    if (found) return found;
  }
  return undefined;
}

export const DT_ARTICLE = 'http://www.dt.co.kr/contents.html?article_no=2024072102109931081001';
