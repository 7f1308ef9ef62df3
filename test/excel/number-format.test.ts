import { formatCellValue, formatNumber } from '../../src/playground/number-format';

/** The playground shows cells as Excel set to Italian shows them. */
describe('formatCellValue (Italian display of en-US format codes)', () => {
  it.each([
    [1.2289431848753698, '0.00%', '122,89%'],
    [0.2439, '0.00%', '24,39%'],
    [0.92, '0.0%', '92,0%'],
    [0.7375, '0.0%', '73,8%'],
    [1, '0%', '100%'],
    [236700000, '#,##0.00 [$€-410]', '236.700.000,00 €'],
    [958677416.67, '#,##0.00 [$€-410]', '958.677.416,67 €'],
    [19114000, '#,##0 [$€-410]', '19.114.000 €'],
    [131480, '#,##0', '131.480'],
    [3, '#,##0', '3'],
    [-1234.5, '#,##0.00', '-1.234,50'],
    [0.001, '#,##0.00', '0,00'],
    [-0.001, '#,##0.00', '0,00'],
    [1234.5, '"€" #,##0.00', '€ 1.234,50'],
    [0.2439, 'General', '0,2439'],
    [236700000, 'General', '236700000'],
    [1 / 3, 'General', '0,333333333'],
    [1.5e12, 'General', '1,5E+12'],
    [-5, '#,##0;[Red](#,##0)', '(5)'],
  ])('%p in %p shows as %p', (value, format, shown) => {
    expect(formatCellValue(value, format)).toBe(shown);
  });

  it('shows text as it is, booleans and errors in Italian, empty as nothing', () => {
    expect(formatCellValue('Asse I', '0.00%')).toBe('Asse I');
    expect(formatCellValue(true, 'General')).toBe('VERO');
    expect(formatCellValue(false, 'General')).toBe('FALSO');
    expect(formatCellValue('#VALUE!', 'General', { isError: true })).toBe('#VALORE!');
    expect(formatCellValue('#DIV/0!', 'General', { isError: true })).toBe('#DIV/0!');
    expect(formatCellValue('', '0.00%')).toBe('');
    expect(formatCellValue(null, 'General')).toBe('');
  });

  it('shows dates by their Italian day/month/year', () => {
    expect(formatNumber(45107, 'dd/mm/yyyy')).toBe('30/06/2023');
  });
});
