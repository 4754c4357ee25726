// The route modules every V2-dialect surface mounts (/v2 and ShipEngine /v1).
import type { SurfacePlugin } from './shared/plugin.ts';
import { tagRoutes } from './tags/routes.ts';
import { userRoutes } from './users/routes.ts';
import { warehouseRoutes } from './warehouses/routes.ts';
import { carrierRoutes } from './carriers/routes.ts';
import { connectionRoutes } from './carriers/connections.ts';
import { fundsRoutes } from './carriers/funds.ts';
import { rateRoutes } from './rates/routes.ts';
import { shipmentRoutes } from './shipments/routes.ts';
import { addressRoutes } from './addresses/routes.ts';
import { packageRoutes } from './packages/routes.ts';
import { labelRoutes } from './labels/routes.ts';
import { downloadRoutes } from './labels/downloads.ts';
import { trackingRoutes } from './labels/tracking.ts';
import { accountRoutes } from './account/routes.ts';
import { documentRoutes } from './documents/routes.ts';
import { shipmentNoteRoutes } from './shipment-notes/routes.ts';
import { refundRoutes } from './labels/refunds.ts';
import { shippingRuleRoutes } from './shipping-rules/routes.ts';
import { manifestRoutes } from './manifests/routes.ts';
import { manifestDownloadRoutes } from './manifests/downloads.ts';
import { pickupRoutes } from './pickups/routes.ts';
import { mailingRoutes } from './mailing/routes.ts';
import { rateShopperRoutes } from './rate-shoppers/routes.ts';
import { tokenRoutes } from './tokens/routes.ts';
import { servicePointRoutes } from './service-points/routes.ts';
import { batchRoutes } from './batches/routes.ts';
import { combinedDocumentRoutes } from './documents/combined.ts';
import { inventoryRoutes } from './inventory/routes.ts';
import { productRoutes } from './products/routes.ts';
import { fulfillmentRoutes } from './fulfillments/routes.ts';
import { supplierRoutes } from './suppliers/routes.ts';
import { purchaseOrderRoutes } from './purchase-orders/routes.ts';
import { toteRoutes } from './totes/routes.ts';
import { webhookRoutes } from './webhooks/routes.ts';

export const sharedRoutes: SurfacePlugin[] = [
  warehouseRoutes,
  tagRoutes,
  userRoutes,
  carrierRoutes,
  connectionRoutes,
  fundsRoutes,
  rateRoutes,
  shipmentRoutes,
  addressRoutes,
  packageRoutes,
  labelRoutes,
  downloadRoutes,
  trackingRoutes,
  accountRoutes,
  documentRoutes,
  shipmentNoteRoutes,
  refundRoutes,
  shippingRuleRoutes,
  manifestRoutes,
  manifestDownloadRoutes,
  pickupRoutes,
  rateShopperRoutes,
  tokenRoutes,
  servicePointRoutes,
  batchRoutes,
  combinedDocumentRoutes,
  webhookRoutes,
];

/** ShipStation V2 operations with no ShipEngine /v1 twin (mounted on /v2 only). */
export const v2OnlyRoutes: SurfacePlugin[] = [
  mailingRoutes,
  inventoryRoutes,
  productRoutes,
  fulfillmentRoutes,
  supplierRoutes,
  purchaseOrderRoutes,
  toteRoutes,
];
