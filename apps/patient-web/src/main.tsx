import '@arogyam/ui/styles.css';
import { mountApp } from '@arogyam/ui';
import { App } from './app';
import { api, store } from './session';

mountApp(<App />, { api, store });
