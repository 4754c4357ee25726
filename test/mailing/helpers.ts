// Calls and fixtures for the V2 mailing tests. Mailing is not in either OpenAPI file: success bodies
// are asserted field by field (docs-example label shape); error bodies against V2 error_response_body.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { assertContract } from '../helpers/contract.ts';
import { CREDENTIALS, type TestApp } from '../helpers/server.ts';
import { austin, brooklyn } from '../shipping/fixtures.ts';

export type Headers = Record<string, string>;

export async function mailingCall(t: TestApp, method: string, url: string, payload?: unknown, headers: Headers = {}) {
  const response = await t.app.inject({
    method: method as InjectOptions['method'],
    url,
    payload: payload as InjectOptions['payload'],
    headers: { 'api-key': CREDENTIALS.apiKey, ...headers },
  });
  if (response.statusCode >= 400) assertContract('v2', 'GET', '/v2/warehouses', response.statusCode, response.json());
  return response;
}

/** A First-Class piece: ounces, and optionally inches (length, height, thickness) and a package code. */
export const piece = (ounces: number, extra: Record<string, unknown> = {}, dims?: [number, number, number], packageCode?: string) => ({
  service_code: 'usps_first_class_mail',
  ship_to: brooklyn,
  ship_from: austin,
  packages: [
    {
      ...(packageCode ? { package_code: packageCode } : {}),
      weight: { value: ounces, unit: 'ounce' },
      ...(dims ? { dimensions: { length: dims[0], width: dims[1], height: dims[2], unit: 'inch' } } : {}),
    },
  ],
  ...extra,
});

export const stamp = (row: number, column: number, extra: Record<string, unknown> = {}) => ({
  service_code: 'usps_first_class_mail',
  advanced_options: { netstamps_options: { row, column } },
  ...extra,
});

export function assertFieldError(response: { statusCode: number; body: string; json(): any }, field: string, code?: string) {
  assert.equal(response.statusCode, 400, response.body);
  const [error] = response.json().errors;
  assert.equal(error.field_name, field, JSON.stringify(error));
  if (code) assert.equal(error.error_code, code);
}

export async function countRows(t: TestApp, table: 'mailings' | 'mail_pieces'): Promise<number> {
  const row = await t.ctx.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** pdftoppm renders the region (points) at `dpi` as 8-bit gray; returns width, height and pixels. */
export function rasterRegion(pdf: Buffer, dir: string, region: { x: number; y: number; width: number; height: number }, dpi = 600, page = 1) {
  const pdfPath = join(dir, `region-${page}.pdf`);
  writeFileSync(pdfPath, pdf);
  const k = dpi / 72;
  const args = ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), '-x', String(Math.round(region.x * k)), '-y', String(Math.round(region.y * k)), '-W', String(Math.round(region.width * k)), '-H', String(Math.round(region.height * k)), '-singlefile', pdfPath, join(dir, `region-${page}`)];
  const result = spawnSync('pdftoppm', args, { encoding: 'utf8' });
  assert.equal(result.status, 0, `pdftoppm failed: ${result.stderr}`);
  const data = readFileSync(join(dir, `region-${page}.pgm`));
  // P5 header: magic, width, height, maxval, then one byte per pixel.
  const header = data.subarray(0, 64).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  assert.ok(header, 'not a binary PGM');
  const [, w, h] = header.map(Number);
  return { width: w, height: h, scale: k, pixels: data.subarray(header[0].length) };
}
