import { render } from 'preact';
import { detectLang, setLang } from '../../utils/i18n';
import { App } from './App';

setLang(detectLang(navigator.language));
render(<App />, document.getElementById('app')!);
