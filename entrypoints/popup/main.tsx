import { render } from 'preact';
import { initUiLang } from '../../utils/ui-lang';
import { App } from './App';

initUiLang().then(() => render(<App />, document.getElementById('app')!));
