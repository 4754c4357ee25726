// The selling channels a Shipdock store can belong to. Shipdock imports orders only through the
// API, so the one marketplace is ShipStation's own "Manual Orders" channel (id 0, as on ShipStation).
export interface Marketplace {
  marketplaceId: number;
  name: string;
  canRefresh: boolean;
  supportsCustomMappings: boolean;
  supportsCustomStatuses: boolean;
  canConfirmShipments: boolean;
}

export const MANUAL_MARKETPLACE_ID = 0;

export const MARKETPLACES: readonly Marketplace[] = [
  {
    marketplaceId: MANUAL_MARKETPLACE_ID,
    name: 'ShipStation',
    canRefresh: false,
    supportsCustomMappings: false,
    supportsCustomStatuses: false,
    canConfirmShipments: false,
  },
  // Channels the sandbox seed opens stores on (src/domain/sandbox/seed.ts). Shipdock does not
  // refresh them from the channel; the ids are Shipdock's own.
  { marketplaceId: 2, name: 'Amazon', canRefresh: true, supportsCustomMappings: false, supportsCustomStatuses: false, canConfirmShipments: true },
  { marketplaceId: 3, name: 'eBay', canRefresh: true, supportsCustomMappings: false, supportsCustomStatuses: false, canConfirmShipments: true },
  { marketplaceId: 26, name: 'Shopify', canRefresh: true, supportsCustomMappings: true, supportsCustomStatuses: true, canConfirmShipments: true },
];
