import { render } from 'preact';
import { App } from './app.tsx';
import { startRouter } from './router.ts';
import { startBasket } from './state/basket.ts';
import { refreshAuth } from './state/auth.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/print.css';

startRouter();
startBasket();
void refreshAuth();
render(<App />, document.getElementById('app')!);
