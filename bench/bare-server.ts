// The baseline: a bare Fastify endpoint returning a small JSON body, nothing else.
import Fastify from 'fastify';

const app = Fastify();
app.get('/bare', async () => ({ warehouses: [] }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('listening');
