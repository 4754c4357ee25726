// Customs declaration rules: when one is needed, field checks, and form totals.
export { validateCustoms, type FieldError, type CustomsContext } from './validate-customs.ts';
export { requiresCustoms, type CustomsParty } from './requires-customs.ts';
export { customsTotals, type CustomsTotals } from './customs-totals.ts';
export { PACKAGE_CONTENTS, NON_DELIVERY_OPTIONS } from './customs-enums.ts';
