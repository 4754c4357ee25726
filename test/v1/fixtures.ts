// Shared by the V1 tests: a realistic createorder body and a local webhook receiver.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const shipTo = {
  name: 'The President',
  company: 'US Govt',
  street1: '1600 Pennsylvania Ave',
  street2: 'Oval Office',
  street3: null,
  city: 'Washington',
  state: 'DC',
  postalCode: '20500',
  country: 'US',
  phone: '555-555-5555',
  residential: false,
};

export function orderBody(overrides: Record<string, unknown> = {}) {
  return {
    orderNumber: 'TEST-ORDER-API-DOCS',
    orderKey: '0f6bec18-3e89-4881-83aa-f392d84f4c74',
    orderDate: '2015-06-29T08:46:27.0000000',
    paymentDate: '2015-06-29T08:46:27.0000000',
    shipByDate: '2015-07-05T00:00:00.0000000',
    orderStatus: 'awaiting_shipment',
    customerUsername: 'headhoncho@whitehouse.gov',
    customerEmail: 'headhoncho@whitehouse.gov',
    billTo: { name: 'The President', company: null, street1: null, street2: null, street3: null, city: null, state: null, postalCode: null, country: null, phone: null, residential: null },
    shipTo,
    items: [
      {
        lineItemKey: 'vd08-MSLbtx',
        sku: 'ABC123',
        name: 'Test item #1',
        imageUrl: null,
        weight: { value: 24, units: 'ounces' },
        quantity: 2,
        unitPrice: 99.99,
        taxAmount: 2.5,
        shippingAmount: 5,
        warehouseLocation: 'Aisle 1, Bin 7',
        options: [{ name: 'Size', value: 'Large' }],
        productId: null,
        fulfillmentSku: null,
        adjustment: false,
        upc: '32-65-98',
      },
      {
        lineItemKey: null,
        sku: 'DISCOUNT CODE',
        name: '10% OFF',
        quantity: 1,
        unitPrice: -20.55,
        adjustment: true,
      },
    ],
    amountPaid: 218.73,
    taxAmount: 5,
    shippingAmount: 10,
    customerNotes: 'Please ship as soon as possible!',
    internalNotes: 'Customer called and would like to upgrade shipping',
    gift: true,
    giftMessage: 'Thank you!',
    paymentMethod: 'Credit Card',
    requestedShippingService: 'Priority Mail',
    carrierCode: 'fedex',
    serviceCode: 'fedex_2day',
    packageCode: 'package',
    confirmation: 'delivery',
    shipDate: '2015-07-02',
    weight: { value: 25, units: 'ounces' },
    dimensions: { units: 'inches', length: 7, width: 5, height: 6 },
    insuranceOptions: { provider: 'carrier', insureShipment: true, insuredValue: 200 },
    internationalOptions: { contents: null, customsItems: null },
    advancedOptions: {
      nonMachinable: false,
      saturdayDelivery: false,
      containsAlcohol: false,
      customField1: 'Custom data that you can add to an order.',
      customField2: 'Per UI settings, this information',
      customField3: 'can appear on some carrier labels.',
      source: 'Webstore',
      billToParty: null,
    },
    tagIds: null,
    ...overrides,
  };
}

export interface Delivery {
  body: { resource_url: string; resource_type: string };
  headers: IncomingMessage['headers'];
}

export interface Receiver {
  url: string;
  deliveries: Delivery[];
  /** Status code the receiver answers with; change it to simulate outages. */
  status: number;
  close(): Promise<void>;
}

/** A webhook target on 127.0.0.1 (port 0) recording every POST it gets. */
export async function startReceiver(status = 200): Promise<Receiver> {
  const receiver = { deliveries: [] as Delivery[], status } as Receiver;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      receiver.deliveries.push({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')), headers: request.headers });
      response.writeHead(receiver.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

/** The path and query of a resource_url, for calling it through the test app. */
export const localPath = (resourceUrl: string) => {
  const url = new URL(resourceUrl);
  return `${url.pathname}${url.search}`;
};
