// Rule violations raised by domain code; each API surface renders them in its own error format.

export type ErrorKind =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'business_rules'
  | 'unauthorized'
  | 'forbidden'
  | 'plan_required'
  | 'rate_limited'
  /** The carrier refused (error_source carrier). */
  | 'carrier'
  /** The carrier could not be reached: a timeout (error_source carrier, 5xx). */
  | 'carrier_unavailable';

export interface FieldIssue {
  field: string;
  message: string;
  /** V2/ShipEngine error_code, e.g. invalid_field_value. */
  code?: string;
  value?: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly code: string = defaultCode(kind),
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

function defaultCode(kind: ErrorKind): string {
  switch (kind) {
    case 'validation':
      return 'invalid_field_value';
    case 'not_found':
      return 'invalid_identifier';
    case 'conflict':
      return 'identifier_conflict';
    case 'unauthorized':
      return 'unauthorized';
    case 'forbidden':
      return 'forbidden';
    case 'plan_required':
      return 'invalid_billing_plan';
    case 'rate_limited':
      return 'rate_limit_exceeded';
    default:
      return 'unspecified';
  }
}

export const notFound = (what: string, id: string | number) =>
  new DomainError('not_found', `${what} ${id} was not found`, 'invalid_identifier');

export function invalidField(field: string, message: string, value?: unknown, code = 'invalid_field_value') {
  return new DomainError('validation', message, code, [{ field, message, code, value }]);
}
