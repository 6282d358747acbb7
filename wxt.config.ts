import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

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
    ],
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
