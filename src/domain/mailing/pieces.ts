// Checks a mailing's pieces before anything is stored: one USPS carrier, First-Class Mail only,
// deliverable domestic addresses, letter or flat size and weight, free sheet positions.
import { isUsDomestic, validateAddress } from '../addresses/index.ts';
import { listCarriers, type CarrierConnection } from '../carriers/connections.ts';
import { invalidField } from '../errors.ts';
import type { Executor } from '../../db/index.ts';
import { MAIL_LABEL_SHEET, NETSTAMPS_SHEET } from '../documents/mail-sheets.ts';
import { isNonMachinable, mailClassOf, postageFor } from './postage.ts';
import type { MailClass, MailingRequest, MailPieceInput, Postage } from './types.ts';

export const MAILING_SERVICE = 'usps_first_class_mail';
const USPS_CARRIER = 'stamps_com';

export interface PricedPiece {
  input: MailPieceInput;
  postage: Postage;
  row: number;
  column: number;
}

/** The pieces' one carrier: the named one (all the same), else the account's USPS account, funded first. */
export async function mailingCarrier(ex: Executor, accountId: number, pieces: MailPieceInput[]): Promise<CarrierConnection> {
  const carriers = await listCarriers(ex, accountId);
  const named = pieces.find((p) => p.carrierId !== null);
  if (named) {
    const other = pieces.find((p) => p.carrierId !== null && p.carrierId !== named.carrierId);
    if (other) throw invalidField(`${other.path}.carrier_id`, 'all shipments of one mailing must use the same carrier_id', `se-${other.carrierId}`);
    const carrier = carriers.find((c) => c.id === named.carrierId);
    if (!carrier) throw invalidField(`${named.path}.carrier_id`, `carrier se-${named.carrierId} was not found`, `se-${named.carrierId}`, 'carrier_not_connected');
    if (carrier.carrierCode !== USPS_CARRIER) {
      throw invalidField(`${named.path}.carrier_id`, `mailing is USPS only; se-${carrier.id} is ${carrier.carrierCode}`, `se-${carrier.id}`);
    }
    return carrier;
  }
  const usps = carriers.filter((c) => c.carrierCode === USPS_CARRIER).sort((a, b) => Number(b.funded) - Number(a.funded));
  if (!usps[0]) throw invalidField('shipments[0].carrier_id', 'the account has no USPS (stamps_com) carrier to pay postage from', undefined, 'carrier_not_connected');
  return usps[0];
}

function checkAddresses(piece: MailPieceInput, needsAddresses: boolean): void {
  if (!needsAddresses) return;
  if (!piece.shipTo) throw invalidField(`${piece.path}.ship_to`, 'ship_to is required', undefined, 'field_value_required');
  if (!piece.shipFrom) throw invalidField(`${piece.path}.ship_from`, 'ship_from (the return address) is required', undefined, 'field_value_required');
  for (const [field, address] of [['ship_to', piece.shipTo], ['ship_from', piece.shipFrom]] as const) {
    if (!isUsDomestic(address.countryCode)) {
      throw invalidField(`${piece.path}.${field}.country_code`, 'First-Class Mail letters and flats here are domestic (US) only', address.countryCode);
    }
    const result = validateAddress(address);
    if (result.status === 'error') {
      const messages = result.messages.map((m) => m.message).join(' ');
      throw invalidField(`${piece.path}.${field}`, messages || 'the address could not be validated', undefined, 'invalid_address');
    }
  }
}

function netstampPositions(pieces: MailPieceInput[]): Array<[number, number]> {
  const { rows, columns } = NETSTAMPS_SHEET;
  if (pieces.length > rows * columns) {
    throw invalidField('shipments', `a NetStamps sheet holds ${rows * columns} stamps; send at most ${rows * columns} shipments`, pieces.length);
  }
  const taken = new Set<string>();
  for (const p of pieces) {
    if (p.row === null && p.column === null) continue;
    const field = `${p.path}.advanced_options.netstamps_options`;
    if (p.row === null || p.column === null) throw invalidField(field, 'netstamps_options needs both row and column', undefined, 'field_value_required');
    if (p.row < 1 || p.row > rows || p.column < 1 || p.column > columns) {
      throw invalidField(field, `row must be 1-${rows} and column 1-${columns} on a NetStamps sheet`, { row: p.row, column: p.column });
    }
    const key = `${p.row}/${p.column}`;
    if (taken.has(key)) throw invalidField(field, `row ${p.row}, column ${p.column} is used by another shipment; positions must be unique`, { row: p.row, column: p.column });
    taken.add(key);
  }
  // Stamps without a position take the free ones in reading order.
  let next = 0;
  return pieces.map((p) => {
    if (p.row !== null && p.column !== null) return [p.row, p.column];
    while (taken.has(`${Math.floor(next / columns) + 1}/${(next % columns) + 1}`)) next++;
    const position: [number, number] = [Math.floor(next / columns) + 1, (next % columns) + 1];
    taken.add(`${position[0]}/${position[1]}`);
    return position;
  });
}

function labelPositions(request: MailingRequest): Array<[number, number]> {
  const { rows, columns } = MAIL_LABEL_SHEET;
  if (request.startRow < 1 || request.startRow > rows || request.startColumn < 1 || request.startColumn > columns) {
    throw invalidField('mailing_options', `the start position must be row 1-${rows}, column 1-${columns}`, { row: request.startRow, column: request.startColumn });
  }
  // Later sheets continue from the top; rows past the first sheet are counted on.
  const first = (request.startRow - 1) * columns + request.startColumn - 1;
  return request.pieces.map((_, i) => [Math.floor((first + i) / columns) + 1, ((first + i) % columns) + 1]);
}

const CLASSES: Record<MailingRequest['kind'], readonly MailClass[]> = {
  envelope: ['letter'],
  mail_labels: ['letter', 'flat'],
  netstamps: ['letter', 'flat'],
};

export function pricePieces(request: MailingRequest): PricedPiece[] {
  const positions = request.kind === 'netstamps' ? netstampPositions(request.pieces) : request.kind === 'mail_labels' ? labelPositions(request) : [[1, 1] as [number, number]];
  return request.pieces.map((input, i) => {
    if (input.serviceCode !== MAILING_SERVICE) {
      throw invalidField(`${input.path}.service_code`, `mailing prints ${MAILING_SERVICE} postage only`, input.serviceCode);
    }
    checkAddresses(input, request.kind !== 'netstamps');
    const mailClass = mailClassOf(input, CLASSES[request.kind]);
    const postage = postageFor(mailClass, input.weightOz, request.kind === 'netstamps' ? 'stamped' : 'metered', isNonMachinable(input));
    return { input, postage, row: positions[i][0], column: positions[i][1] };
  });
}
