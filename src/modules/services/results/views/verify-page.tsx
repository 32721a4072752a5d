import type { Locale } from "../../../../platform/i18n.ts";
import { formatDate, formatDateTime } from "../../../../platform/vn-format.ts";
import {
  ErrorSummary,
  FileField,
  Form,
  type FormState,
  SubmitButton,
} from "../../../../views/components.tsx";
import { Layout } from "../../../../views/layout.tsx";
import { usePage } from "../../../../views/page-context.ts";
import type { PdfVerificationResult } from "../../signing/index.ts";
import type { DossierResultRow } from "../issue-result.ts";
import type { IssuedResultCheck, UploadCheck } from "../verification.ts";

const summaryText = (result: DossierResultRow, key: string, locale: Locale) =>
  (locale === "en" ? result.summary[`${key}En`] : undefined) ?? result.summary[key] ?? "";

function Problems({ signature }: { signature: PdfVerificationResult }) {
  const { locale } = usePage();
  return (
    <ul class="findings">
      {signature.problems.map((problem) => (
        <li key={problem.code}>{locale === "en" ? problem.en : problem.vi}</li>
      ))}
    </ul>
  );
}

function SignatureFacts({ signature }: { signature: PdfVerificationResult }) {
  const { t } = usePage();
  return (
    <dl class="summary-list">
      <dt>{t("services.results.verify.signer")}</dt>
      <dd>
        {[signature.signer?.commonName, signature.signer?.organization]
          .filter((part, index, parts) => part && parts.indexOf(part) === index)
          .join(" — ") || "—"}
      </dd>
      <dt>{t("services.results.verify.signedAt")}</dt>
      <dd>{signature.signedAt ? formatDateTime(signature.signedAt) : "—"}</dd>
    </dl>
  );
}

/** What was issued and whether the stored, signed file still verifies. */
function IssuedResult({ check }: { check: IssuedResultCheck }) {
  const { t, locale } = usePage();
  const { result, signature } = check;
  const isValid = signature?.valid === true && check.isFileIntact;
  return (
    <section aria-labelledby="issued-heading">
      <h2 id="issued-heading">{t("services.results.verify.issuedHeading")}</h2>
      <div class={isValid && !check.isRevoked ? "panel panel-ok" : "panel panel-warning"} role="status">
        <p class="strong">
          {!isValid
            ? t("services.results.verify.storedInvalid")
            : check.isRevoked
              ? t("services.results.verify.revoked")
              : t("services.results.verify.storedValid")}
        </p>
        {signature && !signature.valid && <Problems signature={signature} />}
        {check.credential.origin === "development" && <p>{t("services.results.verify.developmentKey")}</p>}
      </div>
      <dl class="summary-list">
        <dt>{t("services.results.verify.document")}</dt>
        <dd>
          {t(`services.results.kind.${result.kind}`, { name: summaryText(result, "resultName", locale) })}
        </dd>
        <dt>{t("services.results.verify.number")}</dt>
        <dd>{result.documentNumber}</dd>
        <dt>{t("services.results.verify.issuedOn")}</dt>
        <dd>{result.summary.issuedOn ? formatDate(result.summary.issuedOn) : formatDate(result.signedAt)}</dd>
        <dt>{t("services.results.verify.holder")}</dt>
        <dd>
          {result.summary.holderName}
          {result.summary.holderTaxCode
            ? ` (${t("services.results.verify.taxCode", { taxCode: result.summary.holderTaxCode })})`
            : ""}
        </dd>
        <dt>{t("services.results.verify.procedure")}</dt>
        <dd>
          {summaryText(result, "procedureName", locale)} ({result.summary.procedureCode})
        </dd>
        <dt>{t("services.results.verify.dossierCode")}</dt>
        <dd>{result.summary.dossierCode}</dd>
        <dt>{t("services.results.verify.validUntil")}</dt>
        <dd>
          {result.validUntil
            ? `${formatDate(result.validUntil)}${check.isExpired ? ` — ${t("services.results.verify.expired")}` : ""}`
            : t("services.results.verify.noExpiry")}
        </dd>
        <dt>{t("services.results.verify.status")}</dt>
        <dd>
          {check.isRevoked
            ? t("services.results.verify.revokedOn", { date: formatDate(result.revokedAt!) })
            : t("services.results.verify.notRevoked")}
        </dd>
      </dl>
      {signature && <SignatureFacts signature={signature} />}
    </section>
  );
}

function UploadOutcome({ upload, hasPage }: { upload: UploadCheck; hasPage: boolean }) {
  const { t, province } = usePage();
  const { signature, match, matchedResult } = upload;
  if (!signature.valid) {
    return (
      <div class="panel panel-warning" role="alert" id="upload-outcome" tabindex={-1}>
        <p class="strong">{t("services.results.verify.uploadInvalid")}</p>
        <Problems signature={signature} />
      </div>
    );
  }
  if (match === "same") {
    return (
      <div class="panel panel-ok" role="status" id="upload-outcome" tabindex={-1}>
        <p class="strong">
          {t(hasPage ? "services.results.verify.uploadSame" : "services.results.verify.uploadRegistered", {
            number: matchedResult!.documentNumber,
          })}
        </p>
        {!hasPage && (
          <p>
            <a href={`/${province!.slug}/verify/${matchedResult!.verificationToken}`}>
              {t("services.results.verify.openRecord")}
            </a>
          </p>
        )}
        <SignatureFacts signature={signature} />
      </div>
    );
  }
  return (
    <div class="panel panel-warning" role="alert" id="upload-outcome" tabindex={-1}>
      <p class="strong">
        {match === "other-result"
          ? t("services.results.verify.uploadOther", { number: matchedResult!.documentNumber })
          : t("services.results.verify.uploadUnregistered")}
      </p>
      {match === "other-result" && (
        <p>
          <a href={`/${province!.slug}/verify/${matchedResult!.verificationToken}`}>
            {t("services.results.verify.openRecord")}
          </a>
        </p>
      )}
      <SignatureFacts signature={signature} />
    </div>
  );
}

/**
 * The public verification page: the result a QR code names (when `check` is given) and a form to check a PDF
 * file; without a token, only the form (the file is matched against every result of the portal).
 */
export function VerifyPage(props: {
  check: IssuedResultCheck | null;
  upload: UploadCheck | null;
  form: FormState;
  action: string;
}) {
  const { t } = usePage();
  const title = props.check
    ? t("services.results.verify.titleFor", { number: props.check.result.documentNumber })
    : t("services.results.verify.title");
  return (
    <Layout title={title} breadcrumbs={[{ label: t("services.results.verify.title") }]}>
      <h1>{title}</h1>
      <p class="lead">{t("services.results.verify.lead")}</p>
      {props.check && <IssuedResult check={props.check} />}
      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t("services.results.verify.uploadHeading")}</h2>
        {props.upload && <UploadOutcome upload={props.upload} hasPage={props.check !== null} />}
        <p>{t("services.results.verify.uploadLead")}</p>
        <ErrorSummary issues={props.form.issues} />
        <Form action={props.action} enctype="multipart/form-data">
          <FileField
            name="document"
            label={t("services.results.verify.file")}
            hint={t("services.results.verify.fileHint")}
            form={props.form}
            accept=".pdf,application/pdf"
          />
          <SubmitButton label={t("services.results.verify.submit")} />
        </Form>
      </section>
    </Layout>
  );
}
