// POST /addresses/validate (V2 and ShipEngine) and PUT /addresses/recognize (ShipEngine only).
import { recognizeAddress, validateAddress, type RecognizedEntity } from '../../../domain/addresses/index.ts';
import { addressSchema, fromV2Address, type V2Address } from '../shared/address.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { toResultAddress, toV2AddressValidation } from './mapper.ts';

/**
 * Every part optional and the country code free text: a missing or malformed part is what the
 * validator reports on (status `error` with a message), not a reason to refuse the whole list.
 */
export const addressToCheck = {
  type: 'object',
  properties: { ...addressSchema.properties, country_code: { type: 'string', maxLength: 100 } },
} as const;

export const toV2Entity = (e: RecognizedEntity) => ({
  type: e.type,
  score: e.score,
  text: e.text,
  start_index: e.startIndex,
  end_index: e.endIndex,
  result: e.result,
});

export const addressRoutes: SurfacePlugin = async (app) => {
  app.post<{ Body: V2Address[] }>(
    '/addresses/validate',
    { schema: { tags: ['addresses'], body: { type: 'array', minItems: 1, maxItems: 250, items: addressToCheck } } },
    async (request) => request.body.map((address) => toV2AddressValidation(validateAddress(fromV2Address(address)))),
  );
};

/** ShipEngine's address recognition: free text in, the address parts and entities found out. */
export const addressRecognizeRoutes: SurfacePlugin = async (app) => {
  app.put<{ Body: { text: string; address?: V2Address } }>(
    '/addresses/recognize',
    {
      schema: {
        tags: ['addresses'],
        body: { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1, maxLength: 10_000 }, address: addressToCheck } },
      },
    },
    async (request) => {
      const { text, address } = request.body;
      const recognized = recognizeAddress(text, address ? fromV2Address(address) : {});
      return { score: recognized.score, address: toResultAddress(recognized.address), entities: recognized.entities.map(toV2Entity) };
    },
  );
};
