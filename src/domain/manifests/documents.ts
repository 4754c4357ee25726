// The manifest PDF, rendered from the manifest and its labels whenever it is downloaded: the
// labels it lists never change, so the same request always gives the same form.
import type { Executor } from '../../db/index.ts';
import { renderOnPool } from '../documents/render-pool.ts';
import { assembleLabels } from '../labels/store.ts';
import type { Manifest } from './types.ts';

/** `manifest-12.pdf`: the only file a manifest has. */
export const manifestFileName = (manifest: Pick<Manifest, 'id'>) => `manifest-${manifest.id}.pdf`;

export async function manifestPdf(ex: Executor, manifest: Manifest): Promise<Buffer> {
  const rows = manifest.labelIds.length === 0 ? [] : await ex.selectFrom('labels').selectAll().where('id', 'in', manifest.labelIds).orderBy('id').execute();
  const labels = await assembleLabels(ex, rows);
  const first = labels[0];
  return renderOnPool({
    kind: 'manifest-pdf',
    input: {
      formId: `se-${manifest.id}`,
      manifestId: `se-${manifest.id}`,
      submissionId: manifest.submissionId,
      carrierCode: first?.carrierCode ?? '',
      carrierName: first?.carrierName ?? '',
      shipDate: manifest.shipDate,
      createdAt: manifest.createdAt,
      shipper: manifest.shipper,
      pieces: labels.flatMap((label) =>
        label.packages.map((p) => ({ serviceCode: label.serviceCode, serviceName: label.serviceName, trackingNumber: p.trackingNumber })),
      ),
    },
  });
}
