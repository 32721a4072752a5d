import { formatDateTime } from "../../../platform/vn-format.ts";
import {
  ErrorSummary,
  Form,
  type FormState,
  SubmitButton,
  TableWrap,
  TextArea,
  TextField,
} from "../../../views/components.tsx";
import { FormPage } from "../../../views/form-page.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";
import type { InquiryTarget, listMyInquiries, Thread } from "./services.ts";

export function InquiryFormPage(props: { target: InquiryTarget; form: FormState; action: string }) {
  const { t } = usePage();
  const { target } = props;
  return (
    <FormPage
      title={t("inquiries.form.title", { enterprise: target.enterpriseName })}
      breadcrumbs={[{ href: target.href, label: target.title }]}
      action={props.action}
      form={props.form}
      backHref={target.href}
      lead={t(`inquiries.form.lead.${target.kind}`, {
        title: target.title,
        enterprise: target.enterpriseName,
      })}
      submitLabel={t("inquiries.form.send")}
    >
      <TextField
        name="name"
        label={t("inquiries.field.name")}
        form={props.form}
        autocomplete="name"
        required
      />
      <TextField
        name="email"
        label={t("inquiries.field.email")}
        hint={t("inquiries.form.emailHint")}
        form={props.form}
        type="email"
        autocomplete="email"
        required
      />
      <TextField
        name="phone"
        label={t("inquiries.field.phone")}
        form={props.form}
        type="tel"
        autocomplete="tel"
        width="medium"
      />
      <TextField
        name="company"
        label={t("inquiries.field.company")}
        form={props.form}
        autocomplete="organization"
      />
      <TextField name="subject" label={t("inquiries.field.subject")} form={props.form} required />
      <TextArea name="message" label={t("inquiries.field.message")} form={props.form} rows={8} required />
    </FormPage>
  );
}

function Messages({ thread }: { thread: Thread }) {
  const { t } = usePage();
  const { inquiry, enterpriseName } = thread;
  return (
    <ol class="card-list" aria-label={t("inquiries.thread.messages")}>
      {thread.messages.map((message) => {
        const author = message.side === "buyer" ? inquiry.senderName : enterpriseName;
        const mine = message.side === thread.side;
        return (
          <li key={message.id} class="card">
            <p class="meta">
              <span class="strong">{author}</span>
              {mine ? ` (${t("inquiries.thread.you")})` : ""} · {formatDateTime(message.createdAt)}
            </p>
            <p class="prewrap">{message.body}</p>
          </li>
        );
      })}
    </ol>
  );
}

export function ThreadPage(props: {
  thread: Thread;
  form: FormState;
  action: string;
  breadcrumbs: { href?: string; label: string }[];
}) {
  const { t } = usePage();
  const { inquiry, enterpriseName } = props.thread;
  return (
    <Layout title={inquiry.subject} breadcrumbs={[...props.breadcrumbs, { label: inquiry.subject }]}>
      <h1>{inquiry.subject}</h1>
      <dl class="summary-list">
        <dt>{t("inquiries.thread.from")}</dt>
        <dd>
          {inquiry.senderName}
          {inquiry.senderCompany ? ` — ${inquiry.senderCompany}` : ""}
        </dd>
        {props.thread.side === "seller" && (
          <>
            <dt>{t("inquiries.field.email")}</dt>
            <dd>
              <a href={`mailto:${inquiry.senderEmail}`}>{inquiry.senderEmail}</a>
            </dd>
            {inquiry.senderPhone && (
              <>
                <dt>{t("inquiries.field.phone")}</dt>
                <dd>
                  <a href={`tel:${inquiry.senderPhone.replace(/[^+0-9]/g, "")}`}>{inquiry.senderPhone}</a>
                </dd>
              </>
            )}
          </>
        )}
        <dt>{t("inquiries.thread.to")}</dt>
        <dd>{enterpriseName}</dd>
      </dl>
      {props.thread.side === "buyer" && <p class="hint">{t("inquiries.thread.privateNote")}</p>}
      <Messages thread={props.thread} />
      <section aria-labelledby="reply-heading">
        <h2 id="reply-heading">{t("inquiries.thread.reply")}</h2>
        <ErrorSummary issues={props.form.issues} />
        <Form action={props.action}>
          <TextArea name="message" label={t("inquiries.field.message")} form={props.form} rows={6} required />
          <SubmitButton label={t("inquiries.thread.send")} />
        </Form>
      </section>
    </Layout>
  );
}

type InquiryList = Awaited<ReturnType<typeof listMyInquiries>>;

function InquiryTable(props: {
  caption: string;
  rows: InquiryList["sent"];
  counterpart: "sender" | "enterprise";
}) {
  const { t, province } = usePage();
  return (
    <TableWrap caption={props.caption}>
      <thead>
        <tr>
          <th scope="col">{t("inquiries.field.subject")}</th>
          <th scope="col">
            {props.counterpart === "sender" ? t("inquiries.thread.from") : t("inquiries.thread.to")}
          </th>
          <th scope="col">{t("inquiries.list.lastActivity")}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">
              <a href={`/${province!.slug}/my/inquiries/${row.id}`}>{row.subject}</a>
            </th>
            <td>
              {props.counterpart === "sender"
                ? `${row.senderName}${row.senderCompany ? ` — ${row.senderCompany}` : ""}`
                : row.enterpriseName}
            </td>
            <td class="nowrap">{formatDateTime(row.lastMessageAt)}</td>
          </tr>
        ))}
      </tbody>
    </TableWrap>
  );
}

export function MyInquiriesPage({ data }: { data: InquiryList }) {
  const { t } = usePage();
  return (
    <Layout title={t("inquiries.list.title")} breadcrumbs={[{ label: t("inquiries.list.title") }]}>
      <h1>{t("inquiries.list.title")}</h1>
      {data.enterprise && (
        <section aria-labelledby="received-heading">
          <h2 id="received-heading">{t("inquiries.list.received", { enterprise: data.enterprise.name })}</h2>
          {data.received.length === 0 ? (
            <p>{t("inquiries.list.noneReceived")}</p>
          ) : (
            <InquiryTable
              caption={t("inquiries.list.receivedCaption")}
              rows={data.received}
              counterpart="sender"
            />
          )}
        </section>
      )}
      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading">{t("inquiries.list.sent")}</h2>
        {data.sent.length === 0 ? (
          <p>{t("inquiries.list.noneSent")}</p>
        ) : (
          <InquiryTable caption={t("inquiries.list.sentCaption")} rows={data.sent} counterpart="enterprise" />
        )}
      </section>
    </Layout>
  );
}
