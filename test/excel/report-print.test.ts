import { analyse, planReport } from '../../src/engine';
import { createExcelHost } from '../../src/excel';
import { installFakeOffice, loadWorkbookIntoFake } from '../fakes/fake-excel';
import { sampleWithIndicators } from '../fakes/workbooks';

/** Genera report through the Office.js host: the print look (borders, fill, wrap, row heights, footer) in the same one write. */

const NOW = '2024-05-02T10:00:00.000Z';

test.each(['1.9', '1.8'])(
  'ExcelApi %s: the report sheet gets borders, header fill, wrap and row heights in one write (after the check), the footer from 1.9',
  async (excelApi) => {
    const fake = loadWorkbookIntoFake(sampleWithIndicators(10), { excelApi });
    const uninstall = installFakeOffice(fake);
    try {
      const host = createExcelHost();
      const plan = planReport(analyse(await host.read(), { lang: 'it' }), { now: NOW });
      fake.resetSyncCount();
      await host.apply(plan);
      expect(fake.syncCount).toBe(2);
      const sheet = fake.document.sheet('Report POR');
      const report = plan.sheets[0];
      const header = report.cells.find((c) => c.value === 'C=B/A');
      const key = (address: string) => {
        const col = address.charCodeAt(0) - 65;
        return `${Number(address.slice(1)) - 1}:${col}`;
      };
      expect(header).toBeDefined();
      const format = sheet.cellFormats.get(key(header!.cell));
      expect(format).toMatchObject({
        wrapText: true,
        fill: '#DDEBF7',
        horizontalAlignment: 'Center',
        verticalAlignment: 'Center',
      });
      expect(format?.borders).toMatchObject({
        EdgeTop: { style: 'Continuous', weight: 'Thin' },
        EdgeBottom: { style: 'Continuous' },
        EdgeLeft: { style: 'Continuous' },
        EdgeRight: { style: 'Continuous' },
      });
      for (const [row, points] of Object.entries(report.rowHeights ?? {}))
        expect(sheet.rowHeights.get(Number(row))).toBe(points);
      if (excelApi === '1.9') {
        expect(sheet.pageLayout.footer).toEqual(report.footer);
        expect(sheet.pageLayout).toMatchObject({
          orientation: 'Landscape',
          paperSize: 'A4',
          printTitleRows: expect.stringMatching(/^\$\d+:\$\d+$/),
        });
      } else {
        expect(sheet.pageLayout.footer).toBeUndefined();
      }
    } finally {
      uninstall();
    }
  },
);
