// @vitest-environment happy-dom
// The annotator's page-free parts: cancelling a scan, what a page change re-reads,
// and the first-screen split.
import { describe, expect, it } from 'vitest';
import { splitAtTop } from '../../utils/annotator/screen-split';
import { TaskSlicer } from '../../utils/annotator/tasks';
import { changedBlocks } from '../../utils/annotator/watch';

describe('TaskSlicer', () => {
  it('is due once a task has run past its budget, and continues while the scan is on', async () => {
    const slicer = new TaskSlicer(new AbortController().signal, { firstBudgetMs: -1 });
    expect(slicer.due).toBe(true);
    await expect(slicer.next()).resolves.toBeUndefined();
  });

  it('stops a cancelled scan at its next turn', async () => {
    const controller = new AbortController();
    const slicer = new TaskSlicer(controller.signal);
    controller.abort();
    await expect(slicer.next()).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('changedBlocks', () => {
  it('re-reads the paragraph around a changed inline element, once', () => {
    document.body.innerHTML =
      '<article><p id="a">삼성전자와 <b>오픈AI</b></p><p id="b">둘</p></article><nav><p>메뉴</p></nav>';
    const article = document.querySelector('article')!;
    const bold = document.querySelector('b')!;
    const nav = document.querySelector('nav p')!;
    const blocks = changedBlocks([bold.firstChild!, bold, nav], [article]);
    expect(blocks.map((b) => b.id)).toEqual(['a']);
  });

  it('reads a root whole when the change wraps it', () => {
    document.body.innerHTML = '<div id="wrap"><article><p>하나</p></article></div>';
    const article = document.querySelector('article')!;
    const wrap = document.getElementById('wrap')!;
    expect(changedBlocks([wrap], [article])).toEqual([article]);
  });
});

describe('splitAtTop', () => {
  it('puts the first children up to the budget on the first screen', () => {
    const root = document.createElement('article');
    for (let i = 0; i < 20; i++)
      root.appendChild(document.createElement('p')).textContent = 'x'.repeat(100);
    const { onScreen, offScreen } = splitAtTop(root, 250);
    expect(onScreen).toHaveLength(3);
    expect(offScreen).toHaveLength(17);
  });

  it('keeps a short container whole', () => {
    const root = document.createElement('article');
    root.innerHTML = '<p>하나</p><p>둘</p>';
    expect(splitAtTop(root, 0)).toEqual({ onScreen: [], offScreen: [root] });
  });
});
