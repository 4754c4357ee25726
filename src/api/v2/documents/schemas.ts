import { DOCUMENT_CONTENT_TYPES, DOCUMENT_TYPES } from '../../../domain/attachments/documents.ts';

export const registerDocumentBody = {
  type: 'object',
  required: ['document_data'],
  properties: {
    document_type: { type: 'string', enum: DOCUMENT_TYPES, default: 'other' },
    file_name: { type: ['string', 'null'], minLength: 1, maxLength: 100 },
    content_type: { type: ['string', 'null'], enum: [...DOCUMENT_CONTENT_TYPES, null] },
    document_data: { type: 'string', minLength: 1 },
  },
} as const;

export interface RegisterDocumentBody {
  document_type: string;
  file_name?: string | null;
  content_type?: string | null;
  document_data: string;
}

export const sendDocumentsBody = {
  type: 'object',
  required: ['email'],
  properties: {
    email: { type: 'string', format: 'email', maxLength: 254 },
    document_ids: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', pattern: '^se-[0-9]{1,15}$' } },
  },
} as const;

export interface SendDocumentsBody {
  email: string;
  document_ids?: string[];
}

export const ownerDocumentParams = (owner: string) =>
  ({
    type: 'object',
    required: [owner, 'document_id'],
    properties: {
      [owner]: { type: 'string', pattern: '^se-[0-9]{1,15}$' },
      document_id: { type: 'string', pattern: '^se-[0-9]{1,15}$' },
    },
  }) as const;
