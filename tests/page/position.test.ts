// placeCard is pure: where the card goes for a mention's line box.
import { describe, expect, it } from 'vitest';
import { placeCard, type Rect } from '../../utils/card/position';

const viewport = { width: 1000, height: 800 };
const line = (left: number, top: number, width = 60, height = 20): Rect => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('placeCard', () => {
  it('goes below the line when the card fits there', () => {
    expect(placeCard(line(100, 100), { width: 300, height: 200 }, viewport)).toEqual({
      left: 100,
      top: 126,
      side: 'below',
      maxHeight: 666,
    });
  });

  it('flips above the line when there is no room below', () => {
    expect(placeCard(line(100, 700), { width: 300, height: 200 }, viewport)).toEqual({
      left: 100,
      top: 494,
      side: 'above',
      maxHeight: 686,
    });
  });

  it('takes the roomier side when the card fits on neither, and shrinks to it', () => {
    const card = { width: 300, height: 600 };
    const nearTop = placeCard(line(100, 300), card, viewport);
    expect(nearTop).toEqual({ left: 100, top: 326, side: 'below', maxHeight: 466 });
    const nearBottom = placeCard(line(100, 500), card, viewport);
    // Above, its top at the margin: 500 - 6 - min(600, 486).
    expect(nearBottom).toEqual({ left: 100, top: 8, side: 'above', maxHeight: 486 });
  });

  it('keeps a usable height on a very short viewport', () => {
    const p = placeCard(line(10, 90), { width: 200, height: 400 }, { width: 400, height: 200 });
    expect(p.side).toBe('below');
    expect(p.maxHeight).toBe(120);
  });

  it('stays inside the viewport horizontally', () => {
    const card = { width: 300, height: 100 };
    expect(placeCard(line(900, 100), card, viewport).left).toBe(1000 - 8 - 300);
    expect(placeCard(line(-50, 100), card, viewport).left).toBe(8);
    // Wider than the viewport: it starts at the margin (and is narrowed by its CSS).
    expect(placeCard(line(200, 100), { width: 2000, height: 100 }, viewport).left).toBe(8);
  });

  it('never covers the line it belongs to', () => {
    for (let top = 0; top <= 780; top += 20) {
      for (const height of [50, 200, 500, 900]) {
        const anchor = line(100, top);
        const p = placeCard(anchor, { width: 300, height }, viewport);
        if (p.side === 'below') expect(p.top).toBeGreaterThanOrEqual(anchor.bottom);
        else expect(p.top + Math.min(height, p.maxHeight)).toBeLessThanOrEqual(anchor.top);
      }
    }
  });
});
