import type { Product } from '../../../domain/products/products.ts';

type Stock = { onHand: number; allocated: number; available: number };

const dollars = (cents: number | null) => (cents === null ? null : cents / 100);

/** The V1 catalog product in the V2 products shape; `inventory` is a Shipdock addition (add-on accounts). */
export function toV2Product(p: Product, stock: Stock | null | undefined) {
  const hasDimensions = p.length !== null || p.width !== null || p.height !== null;
  return {
    product_id: p.id,
    sku: p.sku ?? '',
    name: p.name ?? '',
    upc: p.upc,
    thumbnail_url: p.thumbnailUrl,
    price: { currency: 'usd', amount: dollars(p.priceCents) ?? 0 },
    ...(hasDimensions ? { dimensions: { unit: 'inch', length: p.length ?? 0, width: p.width ?? 0, height: p.height ?? 0 } } : {}),
    ...(p.weightOz !== null ? { weight: { value: p.weightOz, unit: 'ounce' } } : {}),
    internal_notes: p.internalNotes,
    fulfillment_sku: p.fulfillmentSku,
    create_date: p.createdAt,
    modify_date: p.modifiedAt,
    active: p.active,
    product_category: p.category ? { product_category_id: p.category.id, name: p.category.name } : null,
    preset_group: null,
    warehouse_location: p.warehouseLocation,
    default_carrier_code: p.defaultCarrierCode,
    default_service_code: p.defaultServiceCode,
    default_package_code: p.defaultPackageCode,
    default_intl_carrier_code: p.defaultIntlCarrierCode,
    default_intl_service_code: p.defaultIntlServiceCode,
    default_intl_package_code: p.defaultIntlPackageCode,
    default_confirmation: p.defaultConfirmation,
    default_intl_confirmation: p.defaultIntlConfirmation,
    customs_description: p.customsDescription,
    customs_value: dollars(p.customsValueCents),
    customs_tariff_no: p.customsTariffNo,
    customs_country_code: p.customsCountryCode,
    no_customs: p.noCustoms ?? false,
    tags: p.tags.map((t) => ({ tag_id: t.id, name: t.name })),
    aliases: null,
    product_type: p.productType?.name ?? null,
    is_returnable: false,
    should_override_name: null,
    is_bundle: false,
    bundle_components: null,
    auto_split_option: 'do_not_split',
    auto_split_custom_quantity: null,
    ...(stock !== null ? { inventory: { on_hand: stock?.onHand ?? 0, allocated: stock?.allocated ?? 0, available: stock?.available ?? 0 } } : {}),
  };
}
