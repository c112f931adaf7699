import { eq } from 'drizzle-orm';
import { createTransport, type Transporter } from 'nodemailer';
import { schema, type Db } from '@alongside/db';

export interface MailMessage {
  organizationId: string | null;
  to: string;
  subject: string;
  body: string;
}

export interface Mailer {
  /** Puts a message in the outbox inside the caller's transaction; nothing is ever dropped. */
  queue(db: Pick<Db, 'insert'>, message: MailMessage): Promise<string>;
  /** Sends a queued message through SMTP when configured; the outbox keeps the result either way. */
  deliver(id: string): Promise<'smtp' | 'outbox'>;
}

export function createMailer(deps: { db: Db; smtpUrl: string | undefined; from: string }): Mailer {
  const transport: Transporter | undefined = deps.smtpUrl ? createTransport(deps.smtpUrl) : undefined;
  return {
    async queue(db, message) {
      const [row] = await db
        .insert(schema.mailOutbox)
        .values({ organizationId: message.organizationId, to: message.to, subject: message.subject, body: message.body })
        .returning({ id: schema.mailOutbox.id });
      return row!.id;
    },
    async deliver(id) {
      if (!transport) return 'outbox';
      const [message] = await deps.db.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.id, id));
      if (!message) return 'outbox';
      try {
        await transport.sendMail({ from: deps.from, to: message.to, subject: message.subject, text: message.body });
        await deps.db.update(schema.mailOutbox).set({ sentAt: new Date() }).where(eq(schema.mailOutbox.id, id));
        return 'smtp';
      } catch (error) {
        await deps.db
          .update(schema.mailOutbox)
          .set({ error: (error as Error).message.slice(0, 500) })
          .where(eq(schema.mailOutbox.id, id));
        return 'outbox';
      }
    },
  };
}
