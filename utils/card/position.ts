// Where a card goes: beside the mention's own line box, below it when there is
// room, else above, always inside the viewport and never covering the mention.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
  maxHeight: number;
}

const GAP = 6;
const MARGIN = 8;

/**
 * @param anchor the client rect of the mention's line box (the rect under the pointer for wrapped mentions)
 * @param card the card's natural size
 * @param viewport the visible area's size
 */
export function placeCard(
  anchor: Rect,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const spaceBelow = viewport.height - anchor.bottom - GAP - MARGIN;
  const spaceAbove = anchor.top - GAP - MARGIN;
  const side = card.height <= spaceBelow || spaceBelow >= spaceAbove ? 'below' : 'above';
  const maxHeight = Math.max(120, side === 'below' ? spaceBelow : spaceAbove);
  const height = Math.min(card.height, maxHeight);
  const top = side === 'below' ? anchor.bottom + GAP : anchor.top - GAP - height;
  const width = Math.min(card.width, viewport.width - 2 * MARGIN);
  const left = Math.min(Math.max(MARGIN, anchor.left), viewport.width - MARGIN - width);
  return { left: Math.round(left), top: Math.round(top), side, maxHeight: Math.round(maxHeight) };
}
