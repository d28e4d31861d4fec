// Which table an export request names, read from the workspace: the review's rows, the push plan, the exceptions.
import type { Workspace } from '../db';
import { buildPlan } from '../outbox/plan';
import type { ExportRequest } from '../../shared/contract-exports';
import { exceptionsExportTable } from './exceptions-table';
import { planExportTable } from './plan-table';
import { reviewExportTable } from './review-table';
import type { ExportTable } from './table';

export const TABLE_NAMES: Record<ExportRequest['table'], string> = { review: 'Review', plan: 'Push plan', exceptions: 'Exceptions' };

export function exportTableFor(ws: Workspace, request: ExportRequest, now: string): ExportTable {
  switch (request.table) {
    case 'review':
      return reviewExportTable(ws, request.accountCodes);
    case 'plan':
      return planExportTable(ws, buildPlan(ws, now));
    case 'exceptions':
      return exceptionsExportTable(ws, request.filter);
  }
}
