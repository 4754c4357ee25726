// Manifest ⇄ V2/ShipEngine JSON. Create answers carry the (deprecated) flat fields of the first
// manifest beside the `manifests` list; V2 names its request flat, ShipEngine in `manifest_requests`.
import type { Manifest, ManifestRequest } from '../../../domain/manifests/types.ts';
import { manifestFileName } from '../../../domain/manifests/documents.ts';
import { seId } from '../../common/ids.ts';

/** `/downloads/{dir}/{token}/manifest-{id}.pdf`, the same shape as label downloads. */
export function manifestDownloadUrl(base: string, manifest: Manifest): string {
  return `${base}/downloads/${manifest.id % 100}/${manifest.downloadToken}/${manifestFileName(manifest)}`;
}

export function toV2Manifest(manifest: Manifest, base: string) {
  return {
    manifest_id: seId(manifest.id),
    form_id: seId(manifest.id),
    created_at: manifest.createdAt,
    ship_date: `${manifest.shipDate}T00:00:00Z`,
    shipments: manifest.labelIds.length,
    label_ids: manifest.labelIds.map(seId),
    warehouse_id: seId(manifest.warehouseId),
    submission_id: manifest.submissionId,
    carrier_id: seId(manifest.carrierId),
    manifest_download: { href: manifestDownloadUrl(base, manifest) },
  };
}

export function toManifestRequestResponse(request: ManifestRequest, base: string, surface: 'v2' | 'shipengine', requestId: string, flatRequest = surface === 'v2') {
  const manifests = request.manifests.map((m) => toV2Manifest(m, base));
  const requestFields = flatRequest
    ? { manifest_request_id: seId(request.id), status: request.status }
    : { manifest_requests: [{ manifest_request_id: seId(request.id), status: request.status }] };
  return { manifests, ...requestFields, ...manifests[0], request_id: requestId, errors: [] };
}
