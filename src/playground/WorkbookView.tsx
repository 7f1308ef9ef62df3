import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { a1, columnLetter } from '../engine/address';
import { boxAddress, cellKey, type CellBox, type FakeExcel, type FakeSheet } from './fake-excel';
import { formatCellValue } from './number-format';
import { PLAYGROUND_TEST_IDS } from './test-ids';

/**
 * The fake workbook drawn as Excel would show it: column letters, row numbers, sheet tabs, values
 * in their number formats (Italian style), conditional-format colours, the selected cell and its
 * address. It redraws after every sync that changed the workbook.
 */

export interface WorkbookViewProps {
  fake: FakeExcel;
  onReset?: () => void;
}

/** At least this much of a sheet is drawn, like Excel's empty grid; at most the cap. */
const MIN_ROWS = 40;
const MIN_COLUMNS = 12;
const MAX_ROWS = 400;
const MAX_COLUMNS = 40;
const DEFAULT_WIDTH_PX = 64;

export function WorkbookView({ fake, onReset }: WorkbookViewProps) {
  const document = fake.document;
  const [version, setVersion] = useState(document.version);
  const [syncs, setSyncs] = useState(fake.syncCount);

  useEffect(
    () =>
      fake.onSync(() => {
        setSyncs(fake.syncCount);
        setVersion(document.version);
      }),
    [fake, document],
  );

  const sheet = document.findSheet(document.activeSheet ?? '') ?? document.sheets[0];
  const selection = document.selection?.sheet === sheet?.name ? document.selection.box : null;

  function selectCell(row: number, col: number): void {
    if (!sheet) return;
    document.select(sheet, { top: row, left: col, bottom: row, right: col });
    setVersion(document.version);
  }

  function showSheet(target: FakeSheet): void {
    document.activate(target);
    setVersion(document.version);
  }

  const selected = sheet && selection ? document.cell(sheet, selection.top, selection.left) : null;

  return (
    <div
      data-testid={PLAYGROUND_TEST_IDS.workbook}
      data-active-sheet={sheet?.name ?? ''}
      data-version={version}
      style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}
    >
      <div className="pg-bar">
        <h1>POR Tables — playground</h1>
        <span
          data-testid={PLAYGROUND_TEST_IDS.syncCount}
          data-count={syncs}
          title="context.sync() del riquadro"
        >
          sync: {syncs}
        </span>
        {onReset ? (
          <button type="button" data-testid={PLAYGROUND_TEST_IDS.resetWorkbook} onClick={onReset}>
            Ricarica esempio
          </button>
        ) : null}
      </div>
      <div className="pg-formula">
        <div
          className="pg-name-box"
          data-testid={PLAYGROUND_TEST_IDS.nameBox}
          data-sheet={selection ? sheet?.name : ''}
          aria-label="Casella del nome"
        >
          {selection ? boxAddress(selection) : ''}
        </div>
        <div
          className="pg-formula-bar"
          data-testid={PLAYGROUND_TEST_IDS.formulaBar}
          aria-label="Barra della formula"
        >
          {selected ? String(selected.formula) : ''}
        </div>
      </div>
      {sheet ? (
        <SheetGrid
          key={sheet.name}
          fake={fake}
          sheet={sheet}
          selection={selection}
          version={version}
          onSelect={selectCell}
        />
      ) : null}
      <div className="pg-tabs" role="tablist" aria-label="Fogli">
        {document.sheets.map((tab) => (
          <button
            key={tab.name}
            type="button"
            role="tab"
            aria-selected={tab === sheet}
            data-testid={PLAYGROUND_TEST_IDS.sheetTab}
            data-sheet={tab.name}
            data-active={tab === sheet ? 'true' : 'false'}
            onClick={() => showSheet(tab)}
          >
            {tab.name}
          </button>
        ))}
      </div>
    </div>
  );
}

interface SheetGridProps {
  fake: FakeExcel;
  sheet: FakeSheet;
  selection: CellBox | null;
  version: number;
  onSelect(row: number, col: number): void;
}

function SheetGrid({ fake, sheet, selection, version, onSelect }: SheetGridProps) {
  const document = fake.document;
  const selectedRef = useRef<HTMLTableCellElement | null>(null);

  const view = useMemo(() => {
    void version;
    const used = document.usedBox(sheet, false);
    const rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, (used?.bottom ?? 0) + 4));
    const cols = Math.min(MAX_COLUMNS, Math.max(MIN_COLUMNS, (used?.right ?? 0) + 3));
    const box = { top: 0, left: 0, bottom: rows - 1, right: cols - 1 };
    const cells = document.readBox(sheet, box);
    const covered = new Set<string>();
    const spans = new Map<string, { rowSpan: number; colSpan: number }>();
    for (const merge of sheet.merges) {
      spans.set(cellKey(merge.top, merge.left), {
        rowSpan: merge.bottom - merge.top + 1,
        colSpan: merge.right - merge.left + 1,
      });
      for (let r = merge.top; r <= merge.bottom; r++)
        for (let c = merge.left; c <= merge.right; c++)
          if (r !== merge.top || c !== merge.left) covered.add(cellKey(r, c));
    }
    return { rows, cols, cells, covered, spans, hiddenRows: (used?.bottom ?? 0) + 1 - rows };
  }, [document, sheet, version]);

  useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selection, version]);

  const widths = Array.from({ length: view.cols }, (_, col) => {
    const points = sheet.columnWidths.get(col);
    return points === undefined ? DEFAULT_WIDTH_PX : Math.round(points / 0.75);
  });

  return (
    <div className="pg-grid-scroll">
      <table
        className="pg-grid"
        style={{ width: 44 + widths.reduce((sum, width) => sum + width, 0) }}
        data-testid={PLAYGROUND_TEST_IDS.sheetGrid}
        data-sheet={sheet.name}
        aria-label={`Foglio ${sheet.name}`}
      >
        <colgroup>
          <col style={{ width: 44 }} />
          {widths.map((width, col) => (
            <col key={col} style={{ width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className="pg-corner" />
            {widths.map((_, col) => (
              <th key={col} scope="col">
                {columnLetter(col)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.cells.map((row, r) => (
            <tr key={r}>
              <th scope="row">{r + 1}</th>
              {row.map((cell, c) => {
                const key = cellKey(r, c);
                if (view.covered.has(key)) return null;
                const span = view.spans.get(key);
                const isSelected = selection !== null && selection.top === r && selection.left === c;
                const flags = document.conditionalFormatsAt(sheet, r, c);
                const style: CSSProperties = {};
                const flag = flags[0];
                if (flag?.fill) style.background = flag.fill;
                if (flag?.fontColor) style.color = flag.fontColor;
                const classes = [
                  cell.type === 'Double' ? 'pg-number' : '',
                  sheet.bold.get(key) ? 'pg-bold' : '',
                  isSelected ? 'pg-selected' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                const text = formatCellValue(cell.value, cell.numberFormat, {
                  isError: cell.type === 'Error',
                });
                // Text runs over empty cells on its right, as in Excel.
                if (cell.type === 'String' && !span && row[c + 1]?.type === 'Empty') {
                  style.overflow = 'visible';
                  style.textOverflow = 'clip';
                  style.position = 'relative';
                  style.zIndex = 0;
                }
                return (
                  <td
                    key={c}
                    ref={isSelected ? selectedRef : undefined}
                    className={classes || undefined}
                    style={style}
                    rowSpan={span?.rowSpan}
                    colSpan={span?.colSpan}
                    title={text}
                    data-testid={PLAYGROUND_TEST_IDS.cell}
                    data-address={a1(r, c)}
                    data-selected={isSelected ? 'true' : 'false'}
                    onClick={() => onSelect(r, c)}
                  >
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {view.hiddenRows > 0 ? (
        <div className="pg-more">… altre {view.hiddenRows} righe non mostrate</div>
      ) : null}
    </div>
  );
}
