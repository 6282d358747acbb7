// The content script's first import, so this runs before any other of its
// modules initializes: the one storage read a page needs (settings and the
// compiled dictionary) is on its way while the rest of the script loads and
// the page goes on parsing. The reply can only land between the page's
// tasks; every millisecond it leaves earlier is one more chance that it lands
// before DOMContentLoaded, so highlighting starts right then, ahead of the
// page's first layout.
import { browser } from 'wxt/browser';
import { DICTIONARY_KEY } from '../../utils/dictionary';
import { SETTINGS_KEY } from '../../utils/settings';

export const storedAtStart: Promise<Record<string, unknown>> = browser.storage.local.get([
  SETTINGS_KEY,
  DICTIONARY_KEY,
]);
