/**
 * The task pane's entry in Excel: waits for Office once, then mounts the pane on the Excel host.
 * Opened in a plain browser (office.js missing or no host), it mounts the outside-Office notice.
 */
import { createExcelHost, officeEnvironment } from '../excel';
import { mountPane } from './mount';
import { browserEnvironment, detachedHost } from './outside';

async function start(container: HTMLElement): Promise<void> {
  // office.js comes from Microsoft's CDN; when it could not load there is no `Office` at all.
  if (typeof Office === 'undefined') {
    mountPane(container, detachedHost, browserEnvironment());
    return;
  }
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) {
    mountPane(container, detachedHost, browserEnvironment());
    return;
  }
  mountPane(container, createExcelHost(), await officeEnvironment());
}

const container = document.getElementById('root');
if (container) {
  start(container).catch(() => {
    // Office failed to start: still say something useful instead of a blank pane.
    mountPane(container, detachedHost, browserEnvironment());
  });
}
