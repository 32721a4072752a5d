import { formatDateTime } from "../../../platform/vn-format.ts";
import {
  CheckboxGroup,
  type FormState,
  Pagination,
  SelectField,
  TableWrap,
  TextField,
} from "../../../views/components.tsx";
import { FormPage } from "../../../views/form-page.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";
import type { AuditListItem, UserListItem } from "../queries.ts";
import { type Role, roles } from "../schema.ts";

type Paged<Item> = { items: Item[]; total: number; page: number; pageCount: number };

function useAdminCrumbs(label: string) {
  const { t, province } = usePage();
  return [{ href: `/${province!.slug}`, label: t("nav.home") }, { label }];
}

export function UsersPage({ users }: { users: Paged<UserListItem> }) {
  const { t, province } = usePage();
  const base = `/${province!.slug}/admin/users`;
  return (
    <Layout title={t("users.title")} breadcrumbs={useAdminCrumbs(t("users.title"))}>
      <div class="page-heading">
        <h1>{t("users.title")}</h1>
        <a class="button" href={`${base}/new`}>
          {t("users.create")}
        </a>
      </div>
      <p>{t("users.count", { count: users.total })}</p>
      <TableWrap caption={t("users.title")}>
        <thead>
          <tr>
            <th scope="col">{t("field.fullName")}</th>
            <th scope="col">{t("field.email")}</th>
            <th scope="col">{t("field.roles")}</th>
            <th scope="col">{t("field.unit")}</th>
            <th scope="col">{t("field.status")}</th>
            <th scope="col">{t("users.lastSignIn")}</th>
          </tr>
        </thead>
        <tbody>
          {users.items.map((user) => (
            <tr key={user.id}>
              <td>
                <a href={`${base}/${user.id}`}>{user.fullName}</a>
              </td>
              <td>{user.email}</td>
              <td>{user.roles.map((role) => t(`role.${role}`)).join(", ")}</td>
              <td>{user.unitName ?? "—"}</td>
              <td>{t(`userStatus.${user.status}`)}</td>
              <td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
      <Pagination page={users.page} pageCount={users.pageCount} hrefFor={(page) => `${base}?page=${page}`} />
    </Layout>
  );
}

type UnitOption = { id: number; name: string };

export function UserFormPage({
  form,
  units,
  userId,
  selectedRoles,
}: {
  form: FormState;
  units: UnitOption[];
  userId: number | null;
  selectedRoles: readonly Role[];
}) {
  const { t, province, actor } = usePage();
  const base = `/${province!.slug}/admin/users`;
  const title = userId ? t("users.edit") : t("users.create");
  const grantable = roles.filter((role) => role !== "operator" || actor?.roles.has("operator"));
  return (
    <FormPage
      title={title}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { href: base, label: t("users.title") },
      ]}
      action={userId ? `${base}/${userId}` : base}
      form={form}
      backHref={base}
    >
      <TextField name="fullName" label={t("field.fullName")} form={form} required />
      {userId ? (
        <p>
          <strong>{t("field.email")}:</strong> {form.values.email}
        </p>
      ) : (
        <TextField name="email" type="email" label={t("field.email")} form={form} required />
      )}
      <TextField name="phone" type="tel" label={t("field.phone")} form={form} width="medium" />
      {!userId && (
        <TextField
          name="password"
          type="password"
          label={t("users.initialPassword")}
          hint={t("field.passwordHint")}
          form={form}
          autocomplete="new-password"
          required
        />
      )}
      <CheckboxGroup
        name="roles"
        label={t("field.roles")}
        form={form}
        selected={selectedRoles}
        options={grantable.map((role) => ({ value: role, label: t(`role.${role}`) }))}
      />
      <SelectField
        name="unitId"
        label={t("field.unit")}
        form={form}
        options={[
          { value: "", label: t("users.noUnit") },
          ...units.map((unit) => ({ value: String(unit.id), label: unit.name })),
        ]}
      />
      {userId && (
        <SelectField
          name="status"
          label={t("field.status")}
          form={form}
          options={[
            { value: "active", label: t("userStatus.active") },
            { value: "disabled", label: t("userStatus.disabled") },
          ]}
        />
      )}
    </FormPage>
  );
}

function JsonCell({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span>—</span>;
  return <pre class="json">{JSON.stringify(value, null, 1)}</pre>;
}

export function AuditPage({ entries }: { entries: Paged<AuditListItem> }) {
  const { t, province } = usePage();
  return (
    <Layout title={t("audit.title")} breadcrumbs={useAdminCrumbs(t("audit.title"))}>
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.count", { count: entries.total })}</p>
      <TableWrap caption={t("audit.title")}>
        <thead>
          <tr>
            <th scope="col">{t("audit.when")}</th>
            <th scope="col">{t("audit.who")}</th>
            <th scope="col">{t("audit.what")}</th>
            <th scope="col">{t("audit.entity")}</th>
            <th scope="col">{t("audit.before")}</th>
            <th scope="col">{t("audit.after")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.items.map((entry) => (
            <tr key={entry.id}>
              <td class="nowrap">{formatDateTime(entry.createdAt)}</td>
              <td>{entry.actorName ?? t("audit.system")}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>
                {entry.entityType} {entry.entityId ? `#${entry.entityId}` : ""}
              </td>
              <td>
                <JsonCell value={entry.before} />
              </td>
              <td>
                <JsonCell value={entry.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
      <Pagination
        page={entries.page}
        pageCount={entries.pageCount}
        hrefFor={(page) => `/${province!.slug}/admin/audit?page=${page}`}
      />
    </Layout>
  );
}

export type OutboxItem = {
  id: number;
  recipient: string;
  subject: string;
  bodyText: string | null;
  isSensitive: boolean;
  status: string;
  createdAt: Date;
};

export function OutboxPage({ messages }: { messages: Paged<OutboxItem> }) {
  const { t, province } = usePage();
  return (
    <Layout title={t("outbox.title")} breadcrumbs={useAdminCrumbs(t("outbox.title"))}>
      <h1>{t("outbox.title")}</h1>
      <p class="lead">{t("outbox.lead")}</p>
      {messages.items.length === 0 && <p>{t("outbox.empty")}</p>}
      {messages.items.map((message) => (
        <article class="panel mail" key={message.id}>
          <h2 class="mail-subject">{message.subject}</h2>
          <p class="meta">
            {t("outbox.to")}: {message.recipient} · {formatDateTime(message.createdAt)} ·{" "}
            {t(`outbox.status.${message.status}`)}
          </p>
          {message.bodyText === null ? (
            <p class="meta">{t("outbox.secretHidden")}</p>
          ) : (
            <pre class="mail-body">{message.bodyText}</pre>
          )}
          {message.isSensitive && message.bodyText !== null && (
            <p class="meta">{t("outbox.secretShownInDemo")}</p>
          )}
        </article>
      ))}
      <Pagination
        page={messages.page}
        pageCount={messages.pageCount}
        hrefFor={(page) => `/${province!.slug}/admin/outbox?page=${page}`}
      />
    </Layout>
  );
}
