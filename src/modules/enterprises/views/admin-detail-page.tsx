import { formatDateTime } from "../../../platform/vn-format.ts";
import {
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  SubmitButton,
  TableWrap,
  TextArea,
} from "../../../views/components.tsx";
import { Layout } from "../../../views/layout.tsx";
import { usePage } from "../../../views/page-context.ts";
import type { ClaimRow, EnterpriseDetail, HistoryRow } from "../queries.ts";
import { nextStatuses } from "../services/set-status.ts";
import { ClaimsTable } from "./admin-list-page.tsx";
import { EnterpriseSummary, StatusPanel } from "./enterprise-summary.tsx";
import { type PlaceOptions, ProfileFields } from "./profile-fields.tsx";

/** "status: pending → verified; reason: …" from an audit row's before/after images, changed keys only. */
function describeChange(row: HistoryRow): string {
  const before = (row.before ?? {}) as Record<string, unknown>;
  const after = (row.after ?? {}) as Record<string, unknown>;
  const keys = Object.keys(after).filter(
    (key) => key !== "importId" && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  const show = (value: unknown) =>
    value === null || value === undefined ? "—" : Array.isArray(value) ? value.join(", ") : String(value);
  return keys
    .slice(0, 12)
    .map((key) =>
      key in before ? `${key}: ${show(before[key])} → ${show(after[key])}` : `${key}: ${show(after[key])}`,
    )
    .join("; ");
}

export function AdminEnterpriseDetailPage({
  detail,
  claims,
  statusForm,
  profileForm,
  places,
  canManage,
}: {
  detail: EnterpriseDetail;
  claims: ClaimRow[];
  statusForm: FormState;
  profileForm: FormState;
  places: PlaceOptions;
  canManage: boolean;
}) {
  const { t, province } = usePage();
  const { enterprise } = detail;
  const base = `/${province!.slug}/admin/enterprises`;
  const targets = nextStatuses(enterprise.status);
  return (
    <Layout
      title={enterprise.name}
      breadcrumbs={[
        { href: `/${province!.slug}`, label: t("nav.home") },
        { href: base, label: t("enterprises.admin.title") },
        { label: enterprise.name },
      ]}
    >
      <h1>{enterprise.name}</h1>
      <StatusPanel enterprise={enterprise} />
      {canManage && (
        <section aria-labelledby="status-heading">
          <h2 id="status-heading">{t("enterprises.admin.statusHeading")}</h2>
          <ErrorSummary issues={statusForm.issues} />
          <Form action={`${base}/${enterprise.id}/status`}>
            <SelectField
              name="status"
              label={t("enterprises.admin.newStatus")}
              form={statusForm}
              options={targets.map((status) => ({
                value: status,
                label: t(`enterprises.statusAction.${status}`),
              }))}
            />
            <TextArea
              name="reason"
              label={t("enterprises.field.statusReason")}
              hint={t("enterprises.hint.statusReason")}
              form={statusForm}
              rows={3}
            />
            <SubmitButton label={t("enterprises.admin.changeStatus")} />
          </Form>
        </section>
      )}
      <h2>{t("enterprises.admin.profileHeading")}</h2>
      <EnterpriseSummary
        enterprise={enterprise}
        commune={detail.commune}
        addressProvince={detail.addressProvince}
      />
      <h2>{t("enterprises.admin.membersHeading")}</h2>
      {detail.members.length === 0 ? (
        <p>{t("enterprises.admin.noMembers")}</p>
      ) : (
        <TableWrap caption={t("enterprises.admin.membersHeading")}>
          <thead>
            <tr>
              <th scope="col">{t("enterprises.claim.person")}</th>
              <th scope="col">{t("enterprises.admin.memberRole")}</th>
              <th scope="col">{t("enterprises.field.status")}</th>
            </tr>
          </thead>
          <tbody>
            {detail.members.map((member) => (
              <tr key={member.userId}>
                <td>
                  {member.fullName} ({member.email})
                </td>
                <td>{t(`enterprises.memberRole.${member.role}`)}</td>
                <td>{t(`enterprises.memberStatus.${member.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      )}
      {claims.length > 0 && (
        <>
          <h2>{t("enterprises.claim.pendingHeading")}</h2>
          <ClaimsTable claims={claims} canManage={canManage} />
        </>
      )}
      {canManage && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{t("enterprises.my.edit")}</h2>
          <ErrorSummary issues={profileForm.issues} />
          <Form action={`${base}/${enterprise.id}`}>
            <ProfileFields form={profileForm} places={places} />
            <SubmitButton label={t("form.save")} />
          </Form>
        </section>
      )}
      <h2>{t("enterprises.admin.historyHeading")}</h2>
      <TableWrap caption={t("enterprises.admin.historyHeading")}>
        <thead>
          <tr>
            <th scope="col">{t("enterprises.admin.historyWhen")}</th>
            <th scope="col">{t("enterprises.admin.historyWho")}</th>
            <th scope="col">{t("enterprises.admin.historyWhat")}</th>
            <th scope="col">{t("enterprises.admin.historyChanges")}</th>
          </tr>
        </thead>
        <tbody>
          {detail.history.map((row) => (
            <tr key={row.id}>
              <td class="nowrap">{formatDateTime(row.createdAt)}</td>
              <td>{row.actorName ?? t("enterprises.admin.system")}</td>
              <td>{t(`enterprises.audit.${row.action}`)}</td>
              <td>{describeChange(row)}</td>
            </tr>
          ))}
        </tbody>
      </TableWrap>
    </Layout>
  );
}
