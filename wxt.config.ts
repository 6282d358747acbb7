import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'contextMenus', 'unlimitedStorage'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'reading-mode': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandReadingMode__',
      },
      'clip-alliance': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_commandClip__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'alliance-lens@alliance-lens.dev', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
  vite: () => ({ plugins: [preact()] }),
});
