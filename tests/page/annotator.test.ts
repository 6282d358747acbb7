// The annotator in a real page: what it registers in CSS.highlights, what it
// leaves alone, and its public lookups. Only its public API is used here.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Annotator, type FoundIds, HIGHLIGHT_NAME } from '../../utils/annotator/annotator';
import { highlighted, textAt, tinyMatcher, writePage } from './support';

let annotator: Annotator | null = null;

function newAnnotator(onChange?: (found: FoundIds) => void): Annotator {
  annotator = new Annotator(document, { hostname: 'news.example.com', onChange });
  return annotator;
}

afterEach(() => {
  annotator?.clear();
  annotator = null;
  document.body.replaceChildren();
});

describe('Annotator in a real page', () => {
  it('highlights company names in article paragraphs through CSS.highlights', async () => {
    writePage(`
      <article>
        <h2>OpenAI and Microsoft</h2>
        <p>Samsung Electronics joined the <b>AI Alliance</b> this week.</p>
      </article>`);
    const found: FoundIds[] = [];
    await newAnnotator((f) => found.push(f)).annotate(tinyMatcher());
    expect(CSS.highlights.has(HIGHLIGHT_NAME)).toBe(true);
    expect(highlighted()).toEqual(['OpenAI', 'Microsoft', 'Samsung Electronics', 'AI Alliance']);
    const all = {
      companies: new Set(found.flatMap((f) => [...f.companies])),
      alliances: new Set(found.flatMap((f) => [...f.alliances])),
    };
    expect([...all.companies].sort()).toEqual(['microsoft', 'openai', 'samsung-electronics']);
    expect([...all.alliances]).toEqual(['ai-alliance']);
  });

  it('highlights Korean names without the particle after them', async () => {
    writePage('<article><p>오픈AI는 삼성전자와 손잡고 마이크로소프트에 맞선다.</p></article>');
    await newAnnotator().annotate(tinyMatcher());
    expect(highlighted()).toEqual(['오픈AI', '삼성전자', '마이크로소프트']);
  });

  it('reads nothing in scripts, styles, form fields or editable text', async () => {
    writePage(`
      <article>
        <p>OpenAI</p>
        <script>var s = "Microsoft";</script>
        <style>.Microsoft { color: red }</style>
        <input value="Microsoft">
        <textarea>Microsoft</textarea>
        <div contenteditable="true">Microsoft is editable</div>
        <div contenteditable="true"><p>Samsung Electronics in an editor</p></div>
      </article>`);
    await newAnnotator().annotate(tinyMatcher());
    expect(highlighted()).toEqual(['OpenAI']);
  });

  it('reads the page again after it changes', async () => {
    const body = writePage('<article><p id="first">OpenAI</p></article>');
    const a = newAnnotator();
    await a.annotate(tinyMatcher());
    expect(highlighted()).toEqual(['OpenAI']);

    const added = document.createElement('p');
    added.textContent = 'Microsoft and 삼성전자가 합류했다.';
    body.querySelector('article')!.append(added);
    await vi.waitFor(() => expect(highlighted()).toEqual(['OpenAI', 'Microsoft', '삼성전자']), {
      timeout: 3000,
    });

    body.querySelector('#first')!.textContent = 'Nobody here';
    await vi.waitFor(() => expect(highlighted()).toEqual(['Microsoft', '삼성전자']), {
      timeout: 3000,
    });
    expect(a.mentions().map((m) => m.surface)).toEqual(['Microsoft', '삼성전자']);
  });

  it('keeps watching an open shadow root after reading the page again (a new dictionary)', async () => {
    const body = writePage('<article><p>OpenAI</p><div id="widget"></div></article>');
    const shadow = body.querySelector('#widget')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Microsoft</p>';
    const a = newAnnotator();
    await a.annotate(tinyMatcher());
    // Ranges in a shadow root cannot be compared with the page's: read them unsorted.
    const texts = () =>
      [...(CSS.highlights.get(HIGHLIGHT_NAME) as unknown as Set<Range>)].map((r) => r.toString());
    await vi.waitFor(() => expect(texts()).toContain('Microsoft'), { timeout: 3000 });
    // Read again, as a dictionary update does; the shadow root must still be watched.
    await a.annotate(tinyMatcher());
    const added = document.createElement('p');
    added.textContent = '삼성전자 joins';
    shadow.append(added);
    await vi.waitFor(() => expect(texts()).toContain('삼성전자'), { timeout: 3000 });
  });

  it('lists mentions in reading order, with their ids and ranges', async () => {
    // Inserted in reverse, so the order cannot come from the order of insertion.
    writePage('<article><p id="a"></p><p id="b"></p><p id="c"></p></article>');
    document.getElementById('c')!.textContent = 'AI Alliance';
    document.getElementById('b')!.textContent = 'Microsoft, then OpenAI';
    document.getElementById('a')!.textContent = '삼성전자';
    const a = newAnnotator();
    await a.annotate(tinyMatcher());
    const mentions = a.mentions();
    expect(mentions.map((m) => [m.type, m.id, m.surface])).toEqual([
      ['company', 'samsung-electronics', '삼성전자'],
      ['company', 'microsoft', 'Microsoft'],
      ['company', 'openai', 'OpenAI'],
      ['alliance', 'ai-alliance', 'AI Alliance'],
    ]);
    expect(mentions.map((m) => m.range.toString())).toEqual([
      '삼성전자',
      'Microsoft',
      'OpenAI',
      'AI Alliance',
    ]);
    expect([...a.mentionedIds()].sort()).toEqual([
      'ai-alliance',
      'microsoft',
      'openai',
      'samsung-electronics',
    ]);
  });

  it('finds the mention under a caret position, ends included, and nothing beside it', async () => {
    const body = writePage(
      '<article><p>Talks between <b>OpenAI</b> and Micro<i>soft</i> went on.</p></article>',
    );
    const a = newAnnotator();
    await a.annotate(tinyMatcher());
    const openai = textAt(body, 'OpenAI');
    expect(a.mentionAtCaret(openai.node, 0)?.id).toBe('openai');
    expect(a.mentionAtCaret(openai.node, 3)?.id).toBe('openai');
    expect(a.mentionAtCaret(openai.node, 6)?.id).toBe('openai');
    const before = textAt(body, 'Talks');
    expect(a.mentionAtCaret(before.node, 2)).toBeUndefined();
    // A name split over two elements is one mention.
    const soft = textAt(body, 'soft');
    const micro = textAt(body, 'Micro');
    expect(a.mentionAtCaret(soft.node, 2)?.id).toBe('microsoft');
    expect(a.mentionAtCaret(micro.node, micro.offset + 1)).toBe(a.mentionAtCaret(soft.node, 2));
    expect(a.mentionAtCaret(body.querySelector('b')!, 0)).toBeUndefined();
  });

  it('clear() removes every highlight and stops reading changes', async () => {
    const body = writePage('<article><p>OpenAI and Microsoft</p></article>');
    const a = newAnnotator();
    await a.annotate(tinyMatcher());
    expect(highlighted()).toHaveLength(2);
    a.clear();
    expect(CSS.highlights.has(HIGHLIGHT_NAME)).toBe(false);
    expect(highlighted()).toEqual([]);
    expect(a.mentions()).toEqual([]);

    const added = document.createElement('p');
    added.textContent = '삼성전자';
    body.querySelector('article')!.append(added);
    await new Promise((r) => setTimeout(r, 400));
    expect(CSS.highlights.has(HIGHLIGHT_NAME)).toBe(false);
    expect(a.mentions()).toEqual([]);
  });
});
