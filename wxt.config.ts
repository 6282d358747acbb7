import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Sites the content script runs on by default. Other sites are enabled per site
// at runtime (optional host permission), so the install prompt stays small.
export const NEWS_MATCHES = [
  '*://*.dt.co.kr/*',
  '*://*.daum.net/*',
  '*://*.naver.com/*',
  '*://*.etnews.com/*',
  '*://*.zdnet.co.kr/*',
  '*://*.hankyung.com/*',
  '*://*.mk.co.kr/*',
  '*://*.chosun.com/*',
  '*://*.joongang.co.kr/*',
  '*://*.yna.co.kr/*',
  '*://*.koreaherald.com/*',
  '*://*.koreatimes.co.kr/*',
  '*://*.reuters.com/*',
  '*://*.theverge.com/*',
  '*://*.techcrunch.com/*',
  '*://*.bloomberg.com/*',
  '*://*.cnbc.com/*',
];

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
