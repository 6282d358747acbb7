import { render } from 'preact';
import { t } from '../../utils/i18n';
import { initUiLang } from '../../utils/ui-lang';
import { App } from './App';

initUiLang().then(() => {
  document.title = t('managerTitle');
  render(<App />, document.getElementById('app')!);
});
