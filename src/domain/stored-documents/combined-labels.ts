// POST /documents/combined_labels: the named labels, in the order given, in one stored document.
import type { Db, Executor } from '../../db/index.ts';
import { DomainError, type FieldIssue } from '../errors.ts';
import { assembleLabels } from '../labels/store.ts';
import type { Label } from '../labels/types.ts';
import { writeCombinedLabels, type CombinedFormat } from './combine.ts';
import type { StoredDocument } from './store.ts';

const LABELS_PER_READ = 200;

async function* labelsInOrder(ex: Executor, accountId: number, ids: number[]): AsyncGenerator<Label[]> {
  for (let start = 0; start < ids.length; start += LABELS_PER_READ) {
    const slice = ids.slice(start, start + LABELS_PER_READ);
    const rows = await ex.selectFrom('labels').selectAll().where('account_id', '=', accountId).where('id', 'in', slice).execute();
    const byId = new Map((await assembleLabels(ex, rows)).map((l) => [l.id, l]));
    yield slice.map((id) => byId.get(id)!);
  }
}

/** Every id must name a live label of the account; voided labels cannot be printed. */
async function checkLabels(ex: Executor, accountId: number, ids: number[]): Promise<void> {
  const rows = await ex.selectFrom('labels').select(['id', 'status']).where('account_id', '=', accountId).where('id', 'in', [...new Set(ids)]).execute();
  const status = new Map(rows.map((r) => [r.id, r.status]));
  const issues: FieldIssue[] = [];
  ids.forEach((id, index) => {
    const found = status.get(id);
    if (!found) issues.push({ field: `label_ids[${index}]`, message: `label se-${id} was not found`, code: 'invalid_identifier', value: `se-${id}` });
    else if (found === 'voided') issues.push({ field: `label_ids[${index}]`, message: `label se-${id} is voided`, code: 'invalid_status', value: `se-${id}` });
  });
  if (issues.length > 0) throw new DomainError('validation', issues.map((i) => i.message).join(' '), issues[0].code!, issues);
}

export async function createCombinedLabelDocument(db: Db, accountId: number, labelIds: number[], format: CombinedFormat, now: string): Promise<StoredDocument> {
  await checkLabels(db, accountId, labelIds);
  return writeCombinedLabels(db, { accountId, kind: 'combined_labels', fileName: (id) => `combined-${id}.${format}`, now }, labelsInOrder(db, accountId, labelIds), format, '4x6');
}
