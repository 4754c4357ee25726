// V2 mailing bodies ⇄ domain. Responses follow the label shape clients already read (status,
// shipment_cost, tracking_number, label_download), one object per piece; sheets add the shared
// document's link. The response schema is not published: this shape is an assumption. Pieces are
// `mail_piece_id`, not `label_id`: they are not labels, and GET /v2/labels/{id} would name another.
import { boxInInches, weightInPounds } from '../../../domain/rating/units.ts';
import type { Mailing, MailingKind, MailingRequest, MailPiece, MailPieceInput } from '../../../domain/mailing/types.ts';
import { MAILING_SERVICE } from '../../../domain/mailing/pieces.ts';
import { imbText } from '../../../domain/mailing/imb.ts';
import type { Dimensions, Weight } from '../../../domain/shipping-types.ts';
import { parseSeId, seId } from '../../common/ids.ts';
import { fromV2Address, toV2Address, type V2Address } from '../shared/address.ts';
import { invalidField } from '../../../domain/errors.ts';

export interface V2MailShipment {
  carrier_id?: string | null;
  service_code?: string | null;
  external_shipment_id?: string | null;
  ship_to?: V2Address;
  ship_from?: V2Address;
  packages?: Array<{ package_code?: string | null; weight?: Weight; dimensions?: Dimensions | null }>;
  advanced_options?: { non_machinable?: boolean | null; netstamps_options?: { row?: number; column?: number } | null } | null;
}

export interface DownloadOptions {
  label_format?: 'pdf';
  label_download_type?: 'url' | 'inline';
}

/** NetStamps default to a one-ounce letter; envelopes and labels must say what they weigh. */
function fromV2MailShipment(s: V2MailShipment, path: string, kind: MailingKind): MailPieceInput {
  const pkg = s.packages?.[0];
  if (!pkg?.weight && kind !== 'netstamps') throw invalidField(`${path}.packages[0].weight`, 'the piece weight is required to price postage', undefined, 'field_value_required');
  const box = pkg?.dimensions ? boxInInches(pkg.dimensions) : null;
  const position = s.advanced_options?.netstamps_options;
  return {
    path,
    carrierId: s.carrier_id ? parseSeId(s.carrier_id) ?? -1 : null,
    serviceCode: s.service_code ?? MAILING_SERVICE,
    packageCode: pkg?.package_code ?? null,
    weightOz: pkg?.weight ? Math.round(weightInPounds(pkg.weight) * 16 * 1e4) / 1e4 : 1,
    dimensions: box ? { length: box.length, height: box.width, thickness: box.height } : null,
    nonMachinable: s.advanced_options?.non_machinable === true,
    shipTo: s.ship_to ? fromV2Address(s.ship_to) : null,
    shipFrom: s.ship_from ? fromV2Address(s.ship_from) : null,
    externalShipmentId: s.external_shipment_id ?? null,
    row: position?.row ?? null,
    column: position?.column ?? null,
  };
}

export function toMailingRequest(kind: MailingKind, shipments: V2MailShipment[], start: { row?: number; column?: number } = {}): MailingRequest {
  return {
    kind,
    pieces: shipments.map((s, i) => fromV2MailShipment(s, `shipments[${i}]`, kind)),
    startRow: start.row ?? 1,
    startColumn: start.column ?? 1,
  };
}

const money = (cents: number) => ({ currency: 'usd', amount: cents / 100 });

function toV2Piece(mailing: Mailing, piece: MailPiece, download: object) {
  return {
    mail_piece_id: seId(piece.id),
    status: 'completed',
    mailing_type: mailing.kind === 'mail_labels' ? 'mail_label' : mailing.kind === 'netstamps' ? 'netstamp' : 'envelope',
    external_shipment_id: piece.externalShipmentId,
    ship_date: piece.createdAt.slice(0, 10) + 'T00:00:00Z',
    created_at: piece.createdAt,
    shipment_cost: money(piece.postage.totalCents),
    insurance_cost: money(0),
    tracking_number: piece.imb?.trackingCode ?? '',
    intelligent_mail_barcode: piece.imb ? imbText(piece.imb) : null,
    is_return_label: false,
    carrier_id: seId(mailing.carrierId),
    carrier_code: mailing.carrierCode,
    service_code: piece.serviceCode,
    package_code: piece.postage.mailClass === 'flat' ? 'large_envelope_or_flat' : 'letter',
    mail_class: piece.postage.mailClass,
    weight: { value: piece.weightOz, unit: 'ounce' },
    postage: {
      billed_ounces: piece.postage.billedOunces,
      price_type: piece.postage.priceKind,
      base_amount: money(piece.postage.baseCents),
      nonmachinable_surcharge: money(piece.postage.nonMachinableCents),
    },
    ship_to: piece.shipTo ? toV2Address(piece.shipTo) : null,
    ship_from: piece.shipFrom ? toV2Address(piece.shipFrom) : null,
    sheet_position: mailing.kind === 'envelope' ? null : { row: piece.row, column: piece.column },
    label_format: 'pdf',
    label_download: download,
  };
}

export function documentName(mailing: Pick<Mailing, 'id' | 'kind'>): string {
  return `${mailing.kind}-${mailing.id}.pdf`;
}

export function toV2Mailing(mailing: Mailing, options: { base: string; inlineData: string | null }) {
  const href = `${options.base}/mailing/documents/${mailing.downloadToken}/${documentName(mailing)}`;
  const download = options.inlineData === null ? { pdf: href, href } : {};
  const labels = mailing.pieces.map((p) => toV2Piece(mailing, p, download));
  const inline = options.inlineData === null ? {} : { label_data: options.inlineData };
  if (mailing.kind === 'envelope') return { ...labels[0], ...inline };
  return {
    mailing_id: seId(mailing.id),
    labels,
    total_cost: money(mailing.totalCents),
    label_format: 'pdf',
    label_download: download,
    ...inline,
  };
}
