import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { queueMail } from "../../../platform/mail.ts";
import { enterpriseMembers } from "../../enterprises/schema.ts";
import { users } from "../../identity/schema.ts";
import { storefronts } from "../schema.ts";

/**
 * Where mail "to an enterprise" goes: the e-mail addresses of its active members (accounts not disabled)
 * and its storefront's contact address, without duplicates (compared case-insensitively).
 */
export async function enterpriseRecipients(db: Executor, enterpriseId: number): Promise<string[]> {
  const members = await db
    .select({ email: users.email })
    .from(enterpriseMembers)
    .innerJoin(users, eq(users.id, enterpriseMembers.userId))
    .where(
      and(
        eq(enterpriseMembers.enterpriseId, enterpriseId),
        eq(enterpriseMembers.status, "active"),
        eq(users.status, "active"),
      ),
    )
    .orderBy(enterpriseMembers.createdAt);
  const [storefront] = await db
    .select({ email: storefronts.contactEmail })
    .from(storefronts)
    .where(eq(storefronts.enterpriseId, enterpriseId));
  const seen = new Set<string>();
  const result: string[] = [];
  for (const email of [...members.map((row) => row.email), storefront?.email ?? null]) {
    const trimmed = email?.trim();
    if (!trimmed || seen.has(trimmed.toLowerCase())) continue;
    seen.add(trimmed.toLowerCase());
    result.push(trimmed);
  }
  return result;
}

/**
 * Queues one message to an enterprise, addressed to all its recipients at once (one message per enterprise,
 * not one per person). Returns false when the enterprise has nobody to write to.
 */
export async function mailEnterprise(
  db: Executor,
  message: { provinceId: number; enterpriseId: number; subject: string; text: string },
): Promise<boolean> {
  const recipients = await enterpriseRecipients(db, message.enterpriseId);
  if (recipients.length === 0) return false;
  await queueMail(db, {
    provinceId: message.provinceId,
    to: recipients.join(", "),
    subject: message.subject,
    text: message.text,
  });
  return true;
}
