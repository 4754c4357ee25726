import { startTestApp } from './helpers/server.ts';
const t = await startTestApp();
for (const id of ['v2', 'shipengine', 'v1', 'sandbox', 'v2']) {
  const t0 = performance.now();
  const r = await t.app.inject({ method: 'GET', url: `/docs/openapi/${id}.json` });
  console.log(id, r.statusCode, Math.round(performance.now() - t0), 'ms', r.body.length);
}
let t0 = performance.now();
await t.app.inject({ method: 'GET', url: '/docs' }); console.log('ui', Math.round(performance.now() - t0));
await t.close();
