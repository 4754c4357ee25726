// V2 / ShipEngine customs enums, read from the project's reference data.
import { readFileSync } from 'node:fs';

interface CustomsReferenceFile {
  v2: {
    customs_object: {
      contents: { enum: string[] };
      non_delivery: { enum: string[] };
    };
  };
}

const reference = JSON.parse(
  readFileSync(new URL('../../../reference/domain/customs.json', import.meta.url), 'utf8'),
) as CustomsReferenceFile;

/** merchandise, documents, gift, returned_goods, sample, other (V1 lacks `other`). */
export const PACKAGE_CONTENTS: readonly string[] = reference.v2.customs_object.contents.enum;

/** return_to_sender, treat_as_abandoned. */
export const NON_DELIVERY_OPTIONS: readonly string[] = reference.v2.customs_object.non_delivery.enum;
