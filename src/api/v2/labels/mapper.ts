// Label ⇄ V2/ShipEngine JSON, including the download links.
import type { Label } from '../../../domain/labels/types.ts';
import type { TrackingResult } from '../../../domain/tracking/index.ts';
import { labelTrackingStatus, trackingUrl } from '../../../domain/tracking/index.ts';
import { seId } from '../../common/ids.ts';
import { toV2Address } from '../shared/address.ts';
import { money } from '../shared/money.ts';

export interface LinkContext {
  /** SHIPDOCK_PUBLIC_URL plus the surface prefix: `https://host/v2` or `https://host/v1`. */
  base: string;
  /** label_download_type inline: base64 of the requested format, put in `href`. */
  inlineData?: string | null;
}

/** `/downloads/{dir}/{subdir}/{filename}`: subdir is the label's unguessable token. */
export function downloadUrl(ctx: LinkContext, label: Label, file: string): string {
  return `${ctx.base}/downloads/${label.id % 100}/${label.downloadToken}/${file}`;
}

function labelDownload(ctx: LinkContext, label: Label, stem: string, inline: string | null | undefined) {
  const url = (format: string) => downloadUrl(ctx, label, `${stem}.${format}`);
  return { href: inline ?? url(label.labelFormat), pdf: url('pdf'), png: url('png'), zpl: url('zpl') };
}

const dateTime = (day: string) => `${day}T00:00:00Z`;

export function toV2Label(label: Label, tracking: Pick<TrackingResult, 'statusCode'>, ctx: LinkContext) {
  const formLink = label.customs ? { href: downloadUrl(ctx, label, `form-${label.id}.pdf`), type: 'customs_form' } : null;
  return {
    label_id: seId(label.id),
    status: label.status,
    shipment_id: seId(label.shipmentId),
    external_shipment_id: label.externalShipmentId,
    external_order_id: label.externalOrderId,
    ship_date: dateTime(label.shipDate),
    created_at: label.createdAt,
    shipment_cost: money(label.costCents),
    insurance_cost: money(label.insuranceCents),
    tracking_number: label.trackingNumber,
    is_return_label: label.isReturn,
    rma_number: label.rmaNumber,
    is_international: label.international,
    // Outside a batch the live API sends an empty batch_id (ShipEngine's documented examples).
    batch_id: label.batchId ? seId(label.batchId) : '',
    carrier_id: seId(label.carrierId),
    charge_event: label.chargeEvent,
    service_code: label.serviceCode,
    package_code: label.packageCode,
    voided: label.status === 'voided',
    voided_at: label.voidedAt,
    label_format: label.labelFormat,
    display_scheme: label.displayScheme,
    label_layout: label.labelLayout,
    trackable: label.trackable,
    label_image_id: label.labelImageId ?? null,
    carrier_code: label.carrierCode,
    confirmation: label.confirmation,
    tracking_status: labelTrackingStatus(tracking.statusCode),
    label_download: labelDownload(ctx, label, `label-${label.id}`, ctx.inlineData),
    form_download: formLink,
    qr_code_download: null,
    paperless_download: null,
    insurance_claim: null,
    packages: label.packages.map((p) => ({
      package_id: p.id,
      package_code: p.packageCode,
      weight: p.weight,
      ...(p.dimensions ? { dimensions: p.dimensions } : {}),
      insured_value: money(p.insuredValueCents),
      tracking_number: p.trackingNumber,
      label_download: labelDownload(ctx, label, `label-${label.id}-${p.sequence}`, null),
      form_download: formLink ?? {},
      label_messages: p.labelMessages,
      ...(p.externalPackageId ? { external_package_id: p.externalPackageId } : {}),
      ...(p.contentDescription ? { content_description: p.contentDescription } : {}),
      sequence: p.sequence,
    })),
    alternative_identifiers: [],
    rate_details: label.details.map((d) => ({ rate_detail_type: d.type, carrier_description: d.description, amount: money(d.amountCents) })),
    tracking_url: trackingUrl(label.carrierCode, label.trackingNumber),
    ship_to: toV2Address(label.shipTo),
  };
}
