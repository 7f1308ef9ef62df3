import { createRoot } from 'react-dom/client';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import packageJson from '../../package.json';
import { REQUIRED_EXCEL_API, describeOfficeError } from '../excel';
import { App } from './App';
import type { AppProps } from './App';
import type { OfficeEnvironment, WorkbookHost } from '../engine';
import { langFor } from './i18n';

export type PaneRootProps = AppProps;

/** The pane under its one FluentProvider, themed light or dark as Office is; Office errors read as sentences. */
export function PaneRoot(props: PaneRootProps) {
  return (
    <FluentProvider theme={props.env.dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
      <App
        version={packageJson.version}
        describeError={describeOfficeError}
        requirement={`ExcelApi ${REQUIRED_EXCEL_API}`}
        {...props}
      />
    </FluentProvider>
  );
}

/** Renders the task pane into `container`; the Excel page and the playground both start here. */
export function mountPane(container: HTMLElement, host: WorkbookHost, env: OfficeEnvironment): void {
  container.ownerDocument.documentElement.lang = langFor(env.displayLanguage) === 'it' ? 'it' : 'en';
  createRoot(container).render(<PaneRoot host={host} env={env} />);
}
