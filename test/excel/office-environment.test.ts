import { officeEnvironment, REQUIRED_EXCEL_API, PRINT_SETUP_EXCEL_API } from '../../src/excel';
import { FakeExcel, installFakeOffice } from '../fakes/fake-excel';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

describe('officeEnvironment', () => {
  it('reads language, theme and the requirement set from Office once it is ready', async () => {
    uninstall = installFakeOffice(new FakeExcel({ displayLanguage: 'en-US', dark: true, excelApi: '1.6' }));
    await expect(officeEnvironment()).resolves.toEqual({
      inExcel: true,
      displayLanguage: 'en-US',
      dark: true,
      supported: true,
    });
  });

  it('does not fail where Office gives no theme (Excel on the web): light unless the browser prefers dark', async () => {
    uninstall = installFakeOffice(new FakeExcel({ officeTheme: false }));
    expect(
      (globalThis as { Office?: { context: { officeTheme?: unknown } } }).Office?.context.officeTheme,
    ).toBeUndefined();
    await expect(officeEnvironment()).resolves.toEqual({
      inExcel: true,
      displayLanguage: 'it-IT',
      dark: false,
      supported: true,
    });
    const darkBrowser = jest.fn(() => ({ matches: true }));
    (globalThis as { matchMedia?: unknown }).matchMedia = darkBrowser;
    try {
      await expect(officeEnvironment()).resolves.toMatchObject({ inExcel: true, dark: true });
      expect(darkBrowser).toHaveBeenCalledWith('(prefers-color-scheme: dark)');
    } finally {
      delete (globalThis as { matchMedia?: unknown }).matchMedia;
    }
  });

  it('says unsupported when Excel is older than the lowest set the add-in needs', async () => {
    uninstall = installFakeOffice(new FakeExcel({ excelApi: '1.5' }));
    await expect(officeEnvironment()).resolves.toMatchObject({
      inExcel: true,
      displayLanguage: 'it-IT',
      dark: false,
      supported: false,
    });
  });

  it('says outside Excel when office.js has no host, or is not there at all', async () => {
    uninstall = installFakeOffice(new FakeExcel({ host: null }));
    await expect(officeEnvironment()).resolves.toMatchObject({ inExcel: false, supported: false });
    uninstall();
    uninstall = null;
    expect(typeof (globalThis as { Office?: unknown }).Office).toBe('undefined');
    await expect(officeEnvironment()).resolves.toMatchObject({ inExcel: false, supported: false });
  });

  it('needs ExcelApi 1.6 (custom conditional formats); print setup is 1.9 and optional', () => {
    expect(REQUIRED_EXCEL_API).toBe('1.6');
    expect(PRINT_SETUP_EXCEL_API).toBe('1.9');
  });
});
