import { writeFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { startTestApp } from './helpers/server.ts';
const t = await startTestApp();
const t0 = Date.now();
for (const id of ['v2', 'shipengine', 'v1', 'sandbox']) {
  const r = await t.app.inject({ method: 'GET', url: `/docs/openapi/${id}.json` });
  const doc = r.json();
  writeFileSync(`/tmp/docsh/${id}.json`, JSON.stringify(doc, null, 1));
  const v = new Validator();
  const res = await v.validate(doc);
  console.log(id, r.statusCode, Date.now() - t0, 'ms', Object.keys(doc.paths ?? {}).length, res.valid, JSON.stringify(res.errors)?.slice(0, 1500));
}
await t.close();
