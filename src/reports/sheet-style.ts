/** The look every report spreadsheet shares: a bold, centred header row and thin cell borders. */
import type ExcelJS from 'exceljs';

export function headerRow(row: ExcelJS.Row, labels: readonly string[]): void {
  labels.forEach((label, i) => (row.getCell(i + 1).value = label));
  row.font = { bold: true };
  row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cellBorders(row, labels.length);
}

export function cellBorders(row: ExcelJS.Row, columns: number): void {
  const thin = { style: 'thin' as const };
  for (let i = 1; i <= columns; i += 1) row.getCell(i).border = { top: thin, left: thin, bottom: thin, right: thin };
}
