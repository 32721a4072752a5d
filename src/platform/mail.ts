import { asc, desc, eq, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Database, Executor } from "../db/client.ts";
import { mailOutbox } from "./schema.ts";

export type MailMessage = {
  provinceId: number | null;
  to: string;
  subject: string;
  text: string;
  /** The body carries a secret only its recipient may read (a reset link). */
  isSensitive?: boolean;
};

let transporter: Transporter | undefined;
let fromAddress = "Cổng TMĐT <no-reply@localhost>";

/** With an SMTP URL, mail is queued and delivered; without one it is kept in the outbox for administrators to read. */
export function configureMail(options: { smtpUrl: string | undefined; from: string }): void {
  transporter = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  fromAddress = options.from;
}

/** Writes the message in the caller's transaction: a message is never sent for a change that rolled back. */
export async function queueMail(db: Executor, message: MailMessage): Promise<void> {
  await db.insert(mailOutbox).values({
    provinceId: message.provinceId,
    recipient: message.to,
    subject: message.subject,
    bodyText: message.text,
    isSensitive: message.isSensitive ?? false,
    status: transporter ? "queued" : "kept",
  });
}

/** Delivers queued messages one by one; a failure is recorded on the row and does not stop the others. */
export async function deliverQueuedMail(db: Database, limit = 20): Promise<number> {
  if (!transporter) return 0;
  const queued = await db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.status, "queued"))
    .orderBy(asc(mailOutbox.id))
    .limit(limit);
  for (const message of queued) {
    try {
      await transporter.sendMail({
        from: fromAddress,
        to: message.recipient,
        subject: message.subject,
        text: message.bodyText,
      });
      await db
        .update(mailOutbox)
        .set({ status: "sent", sentAt: new Date() })
        .where(eq(mailOutbox.id, message.id));
    } catch (error) {
      await db
        .update(mailOutbox)
        .set({ status: "failed", error: error instanceof Error ? error.message : String(error) })
        .where(eq(mailOutbox.id, message.id));
    }
  }
  return queued.length;
}

/** The province's outbox, newest first, for its administrators. */
export async function listOutbox(db: Executor, provinceId: number, page: { limit: number; offset: number }) {
  const where = eq(mailOutbox.provinceId, provinceId);
  const items = await db
    .select()
    .from(mailOutbox)
    .where(where)
    .orderBy(desc(mailOutbox.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(mailOutbox).where(where);
  return { items, total: count?.total ?? 0 };
}
