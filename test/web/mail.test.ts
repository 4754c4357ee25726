import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from '../helpers/server.ts';
import { startWebApp, WebClient } from './client.ts';

/** Just enough SMTP to accept one message at a time and keep what was sent. */
function fakeSmtp(received: { from: string; to: string[]; data: string }[]): Server {
  return createServer((socket) => {
    let mail = { from: '', to: [] as string[], data: '' };
    let inData = false;
    let buffer = '';
    socket.write('220 fake.smtp ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let index: number;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(mail);
            mail = { from: '', to: [], data: '' };
            socket.write('250 queued\r\n');
          } else mail.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 fake.smtp\r\n');
        else if (verb === 'MAIL') (mail.from = line), socket.write('250 ok\r\n');
        else if (verb === 'RCPT') mail.to.push(line), socket.write('250 ok\r\n');
        else if (verb === 'DATA') (inData = true), socket.write('354 go ahead\r\n');
        else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
}

describe('dashboard mail over SMTP', () => {
  const received: { from: string; to: string[]; data: string }[] = [];
  let smtp: Server;
  let t: TestApp;
  before(async () => {
    smtp = fakeSmtp(received);
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.address() as AddressInfo).port;
    t = await startWebApp({ SHIPDOCK_SMTP_URL: `smtp://127.0.0.1:${port}`, SHIPDOCK_PUBLIC_URL: 'https://ship.example.com' });
  });
  after(async () => {
    await t.close();
    await new Promise((resolve) => smtp.close(resolve));
  });

  it('sends the verification link by SMTP instead of the outbox, and the link verifies', async () => {
    const web = new WebClient(t);
    await web.signUp('smtp.user@example.com', 'sign-up-password', { verify: false });
    assert.equal(received.length, 1);
    const [mail] = received;
    assert.match(mail.to[0], /smtp\.user@example\.com/);
    assert.match(mail.data, /Subject: Verify your Shipdock email address/);
    const link = /https:\/\/ship\.example\.com(\/app\/verify\?token=[A-Za-z0-9_-]+)/.exec(mail.data.replace(/=\n/g, ''))?.[1];
    assert.ok(link, 'the mail carries the public URL link');
    const outbox = await t.ctx.database.db.selectFrom('outbox_messages').selectAll().execute();
    assert.equal(outbox.length, 0, 'SMTP mail is not kept in the outbox');
    assert.equal((await web.get(link)).statusCode, 303);
    const id = await web.accountId();
    const account = await t.ctx.database.db.selectFrom('accounts').select('email_verified_at').where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(account.email_verified_at);
  });
});
