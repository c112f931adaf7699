import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@alongside/db';
import { testDatabase } from '../test/database.ts';
import { createMailer } from './mailer.ts';

/** A minimal SMTP server that accepts every message and keeps what it received. */
function fakeSmtp(received: string[]): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    let inData = false;
    let buffer = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let index: number;
      while ((index = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            socket.write('250 queued\r\n');
          } else received.push(line);
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250 test\r\n');
        else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port })));
}

let smtp: { server: Server; port: number };
const received: string[] = [];

beforeAll(async () => {
  smtp = await fakeSmtp(received);
});
afterAll(() => {
  smtp.server.close();
});

describe('mailer', () => {
  it('sends through SMTP when configured and marks the message sent', async () => {
    const { db } = await testDatabase();
    const mailer = createMailer({ db, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Alongside <a@test.example>' });
    const id = await mailer.queue(db, { organizationId: null, to: 'someone@test.example', subject: 'Hello', body: 'Invitation link inside' });
    expect(await mailer.deliver(id)).toBe('smtp');
    expect(received.join('\n')).toContain('Invitation link inside');
    const [row] = await db.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.id, id));
    expect(row!.sentAt).not.toBeNull();
  });

  it('keeps the message and the reason in the outbox when SMTP fails: nothing is lost silently', async () => {
    const { db } = await testDatabase();
    const mailer = createMailer({ db, smtpUrl: 'smtp://127.0.0.1:1', from: 'Alongside <a@test.example>' });
    const id = await mailer.queue(db, { organizationId: null, to: 'someone@test.example', subject: 'Hello', body: 'x' });
    expect(await mailer.deliver(id)).toBe('outbox');
    const [row] = await db.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.id, id));
    expect(row!.sentAt).toBeNull();
    expect(row!.error).toMatch(/ECONNREFUSED|connect/i);
  });
});
