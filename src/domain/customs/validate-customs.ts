import { isIsoCountryCode } from '../addresses/index.ts';
import type { CustomsInput, CustomsItemInput } from '../shipping-types.ts';
import { NON_DELIVERY_OPTIONS, PACKAGE_CONTENTS } from './customs-enums.ts';
import { requiresCustoms, type CustomsParty } from './requires-customs.ts';

export interface FieldError {
  /** V2 snake_case path, e.g. `customs.customs_items[0].country_of_origin`. */
  fieldName: string;
  message: string;
  code: 'field_value_required' | 'invalid_field_value' | 'customs_items_required';
}

export interface CustomsContext {
  shipFrom: CustomsParty;
  shipTo: CustomsParty;
}

const MAX_DESCRIPTION_LENGTH = 100;

/**
 * Customs declarations are required across a customs border (see requiresCustoms). A declaration
 * sent for a domestic shipment is still checked field by field, since it would be printed, but may
 * then have no items.
 */
export function validateCustoms(customs: CustomsInput | null | undefined, ctx: CustomsContext): FieldError[] {
  const required = requiresCustoms(ctx.shipFrom, ctx.shipTo);
  if (!customs) {
    return required
      ? [{ fieldName: 'customs', code: 'customs_items_required', message: 'customs information is required for international shipments' }]
      : [];
  }

  const errors = [
    ...checkEnum('customs.contents', customs.contents, PACKAGE_CONTENTS),
    ...checkEnum('customs.non_delivery', customs.nonDelivery, NON_DELIVERY_OPTIONS),
  ];
  const items = customs.items ?? [];
  if (items.length === 0 && required) {
    errors.push({ fieldName: 'customs.customs_items', code: 'customs_items_required', message: 'at least one customs item is required' });
  }
  items.forEach((item, index) => errors.push(...checkItem(item, `customs.customs_items[${index}]`, customs.contents)));
  return errors;
}

function checkEnum(fieldName: string, value: string | null | undefined, allowed: readonly string[]): FieldError[] {
  if (!value) return [{ fieldName, code: 'field_value_required', message: `${fieldName} is required` }];
  if (!allowed.includes(value)) {
    return [{ fieldName, code: 'invalid_field_value', message: `${fieldName} must be one of ${allowed.join(', ')}` }];
  }
  return [];
}

function checkItem(item: CustomsItemInput, path: string, contents: string): FieldError[] {
  const errors: FieldError[] = [];
  const invalid = (field: string, message: string) =>
    errors.push({ fieldName: `${path}.${field}`, code: 'invalid_field_value', message });

  const description = (item.description ?? '').trim();
  if (!description) errors.push({ fieldName: `${path}.description`, code: 'field_value_required', message: 'description is required' });
  else if (description.length > MAX_DESCRIPTION_LENGTH) invalid('description', `description must be at most ${MAX_DESCRIPTION_LENGTH} characters`);

  if (!Number.isInteger(item.quantity) || item.quantity < 1) invalid('quantity', 'quantity must be a whole number of at least 1');
  if (!Number.isInteger(item.valueCents) || item.valueCents < 0) invalid('value', 'value must be zero or more');

  const tariffCode = (item.harmonizedTariffCode ?? '').trim();
  if (tariffCode && !isHarmonizedTariffCode(tariffCode)) {
    invalid('harmonized_tariff_code', 'harmonized_tariff_code must be 6 to 10 digits, dots allowed (e.g. 6109.10)');
  }

  const origin = (item.countryOfOrigin ?? '').trim();
  if (origin && !isIsoCountryCode(origin)) {
    invalid('country_of_origin', `country_of_origin "${origin}" is not an ISO 3166-1 alpha-2 code`);
  } else if (!origin && contents === 'merchandise') {
    // Sold goods are dutiable by origin; gifts, documents and samples may omit it.
    errors.push({ fieldName: `${path}.country_of_origin`, code: 'field_value_required', message: 'country_of_origin is required for merchandise' });
  }
  return errors;
}

/** HS / Schedule B / HTS codes: 6 digits internationally, up to 10 nationally, dots optional. */
function isHarmonizedTariffCode(code: string): boolean {
  if (!/^\d+(\.\d+)*$/.test(code)) return false;
  const digits = code.replace(/\./g, '').length;
  return digits >= 6 && digits <= 10;
}
