import { render } from 'preact';
import { detectLang, setLang, t } from '../../utils/i18n';
import { App } from './App';

setLang(detectLang(navigator.language));
document.documentElement.lang = navigator.language.startsWith('ko') ? 'ko' : 'en';
document.title = t('managerTitle');
render(<App />, document.getElementById('app')!);
