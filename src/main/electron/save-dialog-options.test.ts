import { join } from 'node:path';
import { expect, it } from 'vitest';
import { saveDialogOptions, withExtension } from './save-dialog-options';

it('opens the save dialog in Documents with the suggested name and the format as the only file type', () => {
  const o = saveDialogOptions('Demo review.xlsx', 'xlsx', '/home/me/Documents');
  expect(o.defaultPath).toBe(join('/home/me/Documents', 'Demo review.xlsx'));
  expect(o.filters).toEqual([{ name: 'Excel workbook', extensions: ['xlsx'] }]);
  expect(withExtension('/tmp/plan', 'csv')).toBe('/tmp/plan.csv');
  expect(withExtension('/tmp/plan.CSV', 'csv')).toBe('/tmp/plan.CSV');
});
