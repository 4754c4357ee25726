// Carrier registration (ShipEngine /v1/registration/...): opens a ShipStation-funded ("walleted")
// carrier account for the calling account, or for a partner's account through On-Behalf-Of.
import { registerFundedCarrier, type RegistrableCarrier } from '../../../domain/carriers/registration.ts';
import { DomainError, invalidField } from '../../../domain/errors.ts';
import { actingAccount } from '../../common/context.ts';
import { seId } from '../../common/ids.ts';
import type { V2Address } from '../../v2/shared/address.ts';
import type { SurfacePlugin } from '../../v2/shared/plugin.ts';
import { dhlRegistrationBody, stampsRegistrationBody, upsRegistrationBody, type StampsRegistrationBody, type UpsRegistrationBody } from './schemas.ts';

const tags = ['carriers'];

/** The terms UPS asks the end user to accept (partner sandbox demo). */
const UPS_TERMS = ['ups_technology_agreement', 'ups_prohibited_items'];

function termsNotAccepted(field: string, message: string) {
  return new DomainError('validation', message, 'terms_not_accepted', [{ field, message, code: 'terms_not_accepted' }]);
}

/** ShipStation's USPS and UPS accounts are US accounts. */
function requireUsAddress(address: V2Address) {
  if (address.country_code?.toUpperCase() !== 'US') {
    throw invalidField('address.country_code', 'ShipStation-funded carrier accounts need a US address', address.country_code);
  }
}

export const registrationRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  const register = async (accountId: number, carrierCode: RegistrableCarrier, nickname: string) => {
    const carrier = await db.transaction().execute((tx) => registerFundedCarrier(tx, accountId, carrierCode, nickname, app.ctx.clock.nowIso()));
    return { carrier_id: seId(carrier.id) };
  };

  app.post<{ Body: StampsRegistrationBody }>('/registration/stamps_com', { schema: { tags, body: stampsRegistrationBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const { body } = request;
    if (body.agree_to_carrier_terms !== true) throw termsNotAccepted('agree_to_carrier_terms', 'agree_to_carrier_terms must be true to open a Stamps.com account');
    requireUsAddress(body.address);
    return register(accountId, 'stamps_com', body.nickname);
  });

  app.post<{ Body: UpsRegistrationBody }>('/registration/ups', { schema: { tags, body: upsRegistrationBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const { body } = request;
    const accepted = new Set((body.accepted_terms ?? []).map((t) => t.term_type));
    if (body.agree_to_carrier_terms !== true && !UPS_TERMS.every((term) => accepted.has(term))) {
      throw termsNotAccepted('accepted_terms', `accepted_terms must include ${UPS_TERMS.join(' and ')} (or send agree_to_carrier_terms: true)`);
    }
    requireUsAddress(body.address);
    return register(accountId, 'ups', body.nickname);
  });

  app.post<{ Body: { nickname: string } }>('/registration/dhl_express_walleted', { schema: { tags, body: dhlRegistrationBody } }, async (request) =>
    register(actingAccount(request).id, 'dhl_express', request.body.nickname),
  );
};
