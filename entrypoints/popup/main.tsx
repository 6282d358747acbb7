import { render } from 'preact';
import { initUiLang } from '../../utils/ui-lang';
import { App } from './App';

initUiLang().then(() => {
  render(<App />, document.getElementById('app')!);
  // For the benchmarks: the popup is usable (search box focused) from here on.
  performance.mark('alliance-lens:popup-ready');
});
