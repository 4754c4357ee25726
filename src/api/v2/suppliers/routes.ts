// /v2/suppliers (Inventory API add-on): the vendors of purchase orders.
import * as suppliers from '../../../domain/suppliers/suppliers.ts';
import type { Supplier, SupplierDetails } from '../../../domain/suppliers/suppliers.ts';
import { actingAccount } from '../../common/context.ts';
import { seId } from '../../common/ids.ts';
import { rowIdOf } from '../shared/path-ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { envelope, windowOf, type ListPaging } from '../inventory/list.ts';
import { idParams, inventoryPaging } from '../inventory/schemas.ts';

const text = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;
const properties = {
  supplier_name: { type: 'string', minLength: 1, maxLength: 200 },
  supplier_email: { anyOf: [{ type: 'string', format: 'email', maxLength: 200 }, { type: 'null' }] },
  address_line_1: text(200),
  address_line_2: text(200),
  city: text(100),
  state: text(100),
  postal_code: text(20),
  country_code: { anyOf: [{ type: 'string', pattern: '^[A-Za-z]{2}$' }, { type: 'null' }] },
  contact_name: text(200),
  contact_phone: text(50),
} as const;
const createBody = { type: 'object', required: ['supplier_name'], properties } as const;
const updateBody = { type: 'object', properties } as const;
const listQuery = { type: 'object', properties: { ...inventoryPaging, supplier_name: { type: 'string', maxLength: 200 } } } as const;

type Body = { supplier_name?: string } & Partial<Record<'supplier_email' | 'address_line_1' | 'address_line_2' | 'city' | 'state' | 'postal_code' | 'country_code' | 'contact_name' | 'contact_phone', string | null>>;

const detailsOf = (b: Body): Partial<SupplierDetails> => ({
  email: b.supplier_email,
  addressLine1: b.address_line_1,
  addressLine2: b.address_line_2,
  city: b.city,
  state: b.state,
  postalCode: b.postal_code,
  countryCode: b.country_code === undefined || b.country_code === null ? b.country_code : b.country_code.toUpperCase(),
  contactName: b.contact_name,
  contactPhone: b.contact_phone,
});

export const toV2Supplier = (s: Supplier) => ({
  supplier_id: seId(s.id),
  supplier_name: s.name,
  supplier_email: s.email,
  address_line_1: s.addressLine1,
  address_line_2: s.addressLine2,
  city: s.city,
  state: s.state,
  postal_code: s.postalCode,
  country_code: s.countryCode,
  contact_name: s.contactName,
  contact_phone: s.contactPhone,
  create_date: s.createdAt,
  modify_date: s.updatedAt,
});

export const supplierRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  const now = () => app.ctx.clock.nowIso();
  const tags = ['suppliers'];
  const id = (p: { supplier_id: string }) => rowIdOf(p.supplier_id, 'supplier');

  app.get<{ Querystring: ListPaging & { supplier_name?: string } }>('/suppliers', { schema: { tags, querystring: listQuery } }, async (request) => {
    const w = windowOf(request.query, 50);
    const { items, total } = await suppliers.listSuppliers(db, actingAccount(request).id, { name: request.query.supplier_name }, w);
    return envelope(request, app.ctx.config.publicUrl, 'suppliers', items.map(toV2Supplier), total, w);
  });

  app.post<{ Body: Body }>('/suppliers', { schema: { tags, body: createBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const details = { email: null, addressLine1: null, addressLine2: null, city: null, state: null, postalCode: null, countryCode: null, contactName: null, contactPhone: null };
    const given = Object.fromEntries(Object.entries(detailsOf(request.body)).filter(([, v]) => v !== undefined));
    const created = await db.transaction().execute((tx) => suppliers.createSupplier(tx, accountId, request.body.supplier_name!.trim(), { ...details, ...given }, now()));
    return { supplier_id: seId(created.id) };
  });

  app.get<{ Params: { supplier_id: string } }>('/suppliers/:supplier_id', { schema: { tags, params: idParams('supplier_id') } }, async (request) =>
    toV2Supplier(await suppliers.getSupplier(db, actingAccount(request).id, id(request.params))),
  );

  app.put<{ Params: { supplier_id: string }; Body: Body }>('/suppliers/:supplier_id', { schema: { tags, params: idParams('supplier_id'), body: updateBody } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    const supplierId = id(request.params);
    await db.transaction().execute((tx) => suppliers.updateSupplier(tx, accountId, supplierId, request.body.supplier_name?.trim(), detailsOf(request.body), now()));
    return reply.code(204).send();
  });
};
