// Runs axe-core on a rendered view. Rules that need real layout (colour
// contrast) are checked in the browser, not in happy-dom.
import axe from 'axe-core';

export async function axeViolations(root: Element): Promise<string[]> {
  const result = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
