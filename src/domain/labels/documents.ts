// Label files are rendered on first download (so buying stays fast), on the render pool's
// threads, and kept in the database, which every server process shares. Concurrent first
// downloads in one process share one render; across processes the first stored copy wins.
import type { Executor } from '../../db/index.ts';
import type { CustomsFormInput, LabelDocumentInput, LabelLogo } from '../documents/index.ts';
import { renderOnPool } from '../documents/render-pool.ts';
import { findLabelImage, parseImageId } from '../label-images/images.ts';
import { weightInPounds } from '../rating/units.ts';
import { servicePointById } from '../service-points/generate.ts';
import type { PostalAddress } from '../shipping-types.ts';
import type { Label, LabelFormat, LabelLayout } from './types.ts';

export const CONTENT_TYPES: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', zpl: 'application/zpl' };

export interface LabelFile {
  name: string;
  contentType: string;
  content: Buffer;
}

/** A PUDO label is delivered to the service point, for the recipient: their name, the point's address. */
function deliveryAddress(label: Label): PostalAddress {
  const point = label.shipToServicePointId ? servicePointById(label.shipToServicePointId) : null;
  if (!point) return label.shipTo;
  return {
    ...label.shipTo,
    companyName: point.brand.name.replace('{city}', point.city),
    addressLine1: point.addressLine1,
    addressLine2: null,
    addressLine3: null,
    cityLocality: point.city,
    stateProvince: point.state,
    postalCode: point.postalCode,
    countryCode: point.countryCode,
    residential: 'no',
  };
}

/** One rendering input per package of the label. */
export function documentInputs(label: Label, logo: LabelLogo | null): LabelDocumentInput[] {
  const shipTo = deliveryAddress(label);
  return label.packages.map((p) => ({
    labelId: `se-${label.id}`,
    carrierCode: label.carrierCode,
    carrierName: label.carrierName,
    serviceCode: label.serviceCode,
    serviceName: label.serviceName,
    trackingNumber: p.trackingNumber,
    shipFrom: label.shipFrom,
    shipTo,
    weightOz: Math.round(weightInPounds(p.weight) * 16 * 10) / 10,
    dimensionsIn: p.dimensions && p.dimensions.unit === 'inch' ? { length: p.dimensions.length, width: p.dimensions.width, height: p.dimensions.height } : null,
    zone: label.zone,
    shipDate: label.shipDate,
    references: [p.labelMessages.reference1, p.labelMessages.reference2, p.labelMessages.reference3].filter((r): r is string => Boolean(r)),
    isTest: label.testLabel,
    isReturn: label.isReturn,
    packageIndex: p.sequence,
    packageCount: label.packages.length,
    postageCents: label.costCents,
    international: label.international,
    logo,
  }));
}

export function customsFormInput(label: Label, customs: NonNullable<Label['customs']>): CustomsFormInput {
  return {
    trackingNumber: label.trackingNumber,
    carrierName: label.carrierName,
    serviceName: label.serviceName,
    shipFrom: label.shipFrom,
    shipTo: label.shipTo,
    customs,
    shipDate: label.shipDate,
  };
}

/** `label-12.pdf` is the whole label; `label-12-2.png` one package; `form-12.pdf` the customs form. */
export function parseFileName(name: string): { kind: 'label' | 'form'; labelId: number; sequence: number | null; format: LabelFormat } | null {
  const match = /^(label|form)-(\d{1,10})(?:-(\d{1,3}))?\.(pdf|png|zpl)$/.exec(name);
  if (!match) return null;
  return { kind: match[1] as 'label' | 'form', labelId: Number(match[2]), sequence: match[3] ? Number(match[3]) : null, format: match[4] as LabelFormat };
}

/** The label's logo, if it has one and the image still exists. */
/** The label's logo as label dots, or null when it prints none. */
export async function labelLogo(ex: Executor, label: Label): Promise<LabelLogo | null> {
  const id = label.labelImageId ? parseImageId(label.labelImageId) : null;
  const image = id === null ? null : await findLabelImage(ex, label.accountId, id);
  return image ? renderOnPool({ kind: 'logo', image: image.data }) : null;
}

async function render(ex: Executor, label: Label, name: string): Promise<Buffer | null> {
  const file = parseFileName(name);
  if (!file || file.labelId !== label.id) return null;
  if (file.kind === 'form') {
    if (!label.customs || file.format !== 'pdf') return null;
    return renderOnPool({ kind: 'customs-pdf', input: customsFormInput(label, label.customs) });
  }
  const inputs = documentInputs(label, await labelLogo(ex, label)).filter((_, i) => file.sequence === null || file.sequence === i + 1);
  if (inputs.length === 0) return null;
  switch (file.format) {
    case 'pdf':
      return renderOnPool({ kind: 'label-pdf', inputs, layout: label.labelLayout as LabelLayout });
    case 'zpl':
      return Buffer.from(await renderOnPool({ kind: 'label-zpl', inputs }), 'utf8');
    case 'png':
      // A PNG shows one package: the first unless a package file is named.
      return renderOnPool({ kind: 'label-png', input: inputs[0] });
  }
}

/** Renders in flight in this process, by label and file name: concurrent first downloads share one. */
const rendering = new Map<string, Promise<Buffer | null>>();

function renderOnce(ex: Executor, label: Label, name: string): Promise<Buffer | null> {
  const key = `${label.id}/${name}`;
  let pending = rendering.get(key);
  if (!pending) {
    pending = render(ex, label, name).finally(() => rendering.delete(key));
    rendering.set(key, pending);
  }
  return pending;
}

async function storedFile(ex: Executor, labelId: number, name: string): Promise<LabelFile | null> {
  const stored = await ex
    .selectFrom('label_documents')
    .select(['content', 'content_type'])
    .where('label_id', '=', labelId)
    .where('name', '=', name)
    .executeTakeFirst();
  return stored ? { name, contentType: stored.content_type, content: Buffer.from(stored.content) } : null;
}

export async function labelFile(ex: Executor, label: Label, name: string, now: string): Promise<LabelFile | null> {
  const stored = await storedFile(ex, label.id, name);
  if (stored) return stored;
  const content = await renderOnce(ex, label, name);
  if (!content) return null;
  const contentType = CONTENT_TYPES[name.split('.').pop()!];
  const inserted = await ex
    .insertInto('label_documents')
    .values({ label_id: label.id, name, content_type: contentType, content, created_at: now })
    .onConflict((oc) => oc.columns(['label_id', 'name']).doNothing())
    .returning('label_id')
    .executeTakeFirst();
  // Another process stored the file first: every download serves that one copy.
  if (!inserted) return (await storedFile(ex, label.id, name)) ?? { name, contentType, content };
  return { name, contentType, content };
}
