// Reads the shipped reference data under reference/domain/ (resolved from this file, so it works from any cwd).
import { readFileSync } from 'node:fs';

const REFERENCE_ROOT = new URL('../../../reference/domain/', import.meta.url);

export function readReferenceText(relativePath: string): string {
  return readFileSync(new URL(relativePath, REFERENCE_ROOT), 'utf8');
}

export function readReferenceJson<T>(relativePath: string): T {
  return JSON.parse(readReferenceText(relativePath)) as T;
}
