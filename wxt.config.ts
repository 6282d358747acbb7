import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CATALOG_HOST_PATTERNS } from './utils/pack/catalog';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'alarms',
      'contextMenus',
      'unlimitedStorage',
      'scripting',
      'activeTab',
      // MV2 (Firefox) lists hosts with the permissions.
      ...(browser === 'firefox' ? CATALOG_HOST_PATTERNS : []),
    ],
    // The catalog's hosts (the official pack's CDN), so that subscribing from the catalog
    // asks nothing and conditional re-checks need no CORS preflight, which CDNs answer poorly.
    ...(browser === 'firefox' ? {} : { host_permissions: CATALOG_HOST_PATTERNS }),
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'reading-mode': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandReadingMode__',
      },
      'clip-alliance': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandClip__',
      },
    },
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions; hosts go with the optional permissions.
          optional_permissions: ['https://*/*', 'http://*/*'],
          browser_specific_settings: {
            // 140 is the first Firefox with the CSS Custom Highlight API the annotator relies on.
            gecko: { id: 'alliance-lens@alliance-lens.dev', strict_min_version: '140.0' },
          },
        }
      : {}),
  }),
  vite: () => ({ plugins: [preact()] }),
});
