// Entry point: mounts the workbench on #app.
import { App } from './app';
import './style.css';

const root = document.getElementById('app');
if (root) {
  const app = new App(root);
  (window as unknown as { yeta: App }).yeta = app;
  void app.start();
}
