import { shipmentSchema } from '../shipments/schemas.ts';

/** Options every label purchase takes, whatever names the shipment. */
export const labelOptionProperties = {
  label_format: { type: 'string', enum: ['pdf', 'png', 'zpl'], default: 'pdf' },
  label_layout: { type: 'string', enum: ['4x6', 'letter'], default: '4x6' },
  label_download_type: { type: 'string', enum: ['url', 'inline'], default: 'url' },
  display_scheme: { type: 'string', enum: ['label', 'qr_code', 'label_and_qr_code', 'paperless', 'label_and_paperless'], default: 'label' },
  test_label: { type: 'boolean', default: false },
  charge_event: { type: 'string', enum: ['carrier_default', 'on_creation', 'on_carrier_acceptance'], default: 'carrier_default' },
  validate_address: { type: 'string', enum: ['no_validation', 'validate_only', 'validate_and_clean'], default: 'no_validation' },
  is_return_label: { type: 'boolean', default: false },
  rma_number: { type: ['string', 'null'], maxLength: 50 },
  label_image_id: { type: ['string', 'null'] },
} as const;

export interface LabelOptionsBody {
  label_format: 'pdf' | 'png' | 'zpl';
  label_layout: '4x6' | 'letter';
  label_download_type: 'url' | 'inline';
  display_scheme: string;
  test_label: boolean;
  charge_event: string;
  validate_address: 'no_validation' | 'validate_only' | 'validate_and_clean';
  is_return_label: boolean;
  rma_number?: string | null;
  label_image_id?: string | null;
}

export const labelOptionsBody = { type: 'object', properties: labelOptionProperties } as const;

export const createLabelBody = {
  type: 'object',
  required: ['shipment'],
  properties: {
    ...labelOptionProperties,
    shipment: shipmentSchema,
    ship_to_service_point_id: { type: ['string', 'null'], maxLength: 50 },
    ship_from_service_point_id: { type: ['string', 'null'], maxLength: 50 },
  },
} as const;

