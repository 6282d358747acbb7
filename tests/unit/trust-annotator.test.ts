// @vitest-environment happy-dom
// Trust: hostile page shapes never stop the reading of the page.
import { describe, expect, it, vi } from 'vitest';
import { collectBlocks } from '../../utils/annotator/blocks';

describe('collectBlocks on hostile pages', () => {
  it('reads text nested 20,000 elements deep (recursion overflowed the stack)', () => {
    const root = document.createElement('div');
    let at: Element = root;
    for (let i = 0; i < 20_000; i++) {
      const next = document.createElement(i % 2 ? 'div' : 'span');
      at.appendChild(next);
      at = next;
    }
    at.appendChild(document.createTextNode('삼성전자와 오픈AI'));
    root.appendChild(document.createTextNode(' 끝'));
    const blocks = collectBlocks(root);
    expect(blocks.map((b) => b.text.trim())).toEqual(['삼성전자와 오픈AI', '끝']);
  });

  it('keeps reading order and block breaks as before', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>하나 <b>둘</b> 셋</p>넷<br>다섯<div>여섯<p>일곱</p>여덟</div>';
    expect(collectBlocks(root).map((b) => b.text)).toEqual([
      '하나 둘 셋',
      '넷',
      '다섯',
      '여섯',
      '일곱',
      '여덟',
    ]);
  });
});

describe('many changed blocks at once', () => {
  it('finds the outermost of 5,000 changed blocks without comparing every pair', async () => {
    const { outermostOf } = await import('../../utils/annotator/blocks');
    const article = document.createElement('article');
    const changed = new Set<Node>();
    for (let i = 0; i < 5_000; i++) {
      const p = document.createElement('p');
      const inner = document.createElement('span');
      p.appendChild(inner);
      article.appendChild(p);
      changed.add(p);
      changed.add(inner);
    }
    const contains = vi.spyOn(Node.prototype, 'contains');
    const outer = outermostOf(changed);
    expect(outer).toHaveLength(5_000);
    expect(outer.every((el) => el.tagName === 'P')).toBe(true);
    // The former pairwise check called contains() ~ n² = 10⁸ times here.
    expect(contains).not.toHaveBeenCalled();
    contains.mockRestore();
  });
});
