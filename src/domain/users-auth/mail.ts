// Outgoing mail. With SHIPDOCK_SMTP_URL it goes out over SMTP; without, it is written to the
// server log and, in sandbox mode, kept in the account's outbox (shown on the dashboard).
import type Nodemailer from 'nodemailer';
import { lazyPackage } from '../../lazy-package.ts';
import type { Executor } from '../../db/index.ts';

const nodemailer = lazyPackage<typeof Nodemailer>('nodemailer');

export interface MailMessage {
  accountId: number;
  to: string;
  subject: string;
  text: string;
  /** The link the message is about, as a path on this server (the outbox shows it as a link). */
  linkPath: string | null;
}

export interface MailSettings {
  smtpUrl: string | null;
  sandbox: boolean;
  from: string;
}

export interface OutboxMessage {
  id: number;
  to: string;
  subject: string;
  body: string;
  linkPath: string | null;
  createdAt: string;
}

type Log = { info(obj: object, msg: string): void };

export async function sendMail(ex: Executor, settings: MailSettings, log: Log, message: MailMessage, now: string): Promise<'smtp' | 'log'> {
  if (settings.smtpUrl) {
    const transport = nodemailer.createTransport(settings.smtpUrl);
    await transport.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text });
    return 'smtp';
  }
  log.info({ mail: { to: message.to, subject: message.subject, text: message.text } }, 'mail not sent (no SHIPDOCK_SMTP_URL); logged instead');
  if (settings.sandbox) {
    await ex
      .insertInto('outbox_messages')
      .values({ account_id: message.accountId, to_address: message.to, subject: message.subject, body: message.text, link_path: message.linkPath, created_at: now })
      .execute();
  }
  return 'log';
}

export async function listOutbox(ex: Executor, accountId: number): Promise<OutboxMessage[]> {
  const rows = await ex.selectFrom('outbox_messages').selectAll().where('account_id', '=', accountId).orderBy('id', 'desc').limit(50).execute();
  return rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, body: r.body, linkPath: r.link_path, createdAt: r.created_at }));
}
