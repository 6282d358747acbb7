// @vitest-environment happy-dom
// Trust: hostile page shapes never stop the reading of the page.
import { describe, expect, it } from 'vitest';
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
