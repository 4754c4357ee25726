import { pagingQuery } from '../shared/query.ts';
import { IMAGE_CONTENT_TYPES } from '../../../domain/label-images/images.ts';

export const imageIdParam = {
  type: 'object',
  required: ['label_image_id'],
  properties: { label_image_id: { type: 'string', minLength: 4, maxLength: 40 } },
} as const;

export const imageListQuery = {
  type: 'object',
  properties: { page: pagingQuery.page, page_size: { type: 'integer', minimum: 1, maximum: 100, default: 25 } },
} as const;

// Read-only fields of the spec's body (label_image_id, created_at, modified_at) are accepted and ignored.
export const createImageBody = {
  type: 'object',
  required: ['name', 'image_content_type', 'image_data'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 50 },
    is_default: { type: 'boolean', default: false },
    image_content_type: { type: 'string', enum: IMAGE_CONTENT_TYPES },
    image_data: { type: 'string', minLength: 1 },
  },
} as const;

export const updateImageBody = {
  type: 'object',
  required: ['is_default'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 50 },
    is_default: { type: 'boolean' },
    image_content_type: { type: 'string', enum: IMAGE_CONTENT_TYPES },
    image_data: { type: 'string', minLength: 1 },
  },
} as const;

export interface ImageBody {
  name: string;
  is_default: boolean;
  image_content_type: string;
  image_data: string;
}
