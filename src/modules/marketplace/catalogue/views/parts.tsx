import type { ComponentChildren } from "preact";
import { fileUrl, type StoredFile } from "../../../../platform/files.ts";
import type { Locale } from "../../../../platform/i18n.ts";
import { formatDate, formatVnd, todayInVietnam } from "../../../../platform/vn-format.ts";
import { usePage } from "../../../../views/page-context.ts";
import { isOcopCertificateValid } from "../../ocop.ts";
import type { ListingStatus } from "../../schema.ts";
import type { ProductCertificate } from "../services/products.ts";

/** The text in the visitor's language, falling back to Vietnamese (the required language). */
export function localized(vi: string, en: string | null | undefined, locale: Locale): string {
  return locale === "en" && en ? en : vi;
}

export function StatusTag({ status }: { status: ListingStatus }) {
  const { t } = usePage();
  return (
    <span class={`tag catalogue-status catalogue-status-${status}`}>{t(`catalogue.status.${status}`)}</span>
  );
}

export function Price({ priceDong, unit }: { priceDong: bigint | null; unit?: string }) {
  const { t } = usePage();
  if (priceDong === null) return <span class="catalogue-price">{t("catalogue.price.contact")}</span>;
  return (
    <span class="catalogue-price">
      {formatVnd(priceDong)}
      {unit ? ` / ${unit}` : ""}
    </span>
  );
}

export function OcopStars({ stars }: { stars: number }) {
  const { t } = usePage();
  return (
    <span class="catalogue-ocop" title={t("catalogue.ocop.stars", { stars })}>
      <span aria-hidden="true">{"★".repeat(stars)}</span>
      <span class="visually-hidden">{t("catalogue.ocop.stars", { stars })}</span>
      <span aria-hidden="true"> OCOP</span>
    </span>
  );
}

/** OCOP certificate: number, dates and whether it is still valid today (36 months, Decision 148/2023). */
export function OcopCertificate({
  stars,
  number,
  certifiedOn,
  expiresOn,
}: {
  stars: number;
  number: string | null;
  certifiedOn: string | null;
  expiresOn: string | null;
}) {
  const { t } = usePage();
  const valid = certifiedOn ? isOcopCertificateValid(certifiedOn, todayInVietnam()) : false;
  return (
    <div class={valid ? "panel panel-ok" : "panel panel-warning"}>
      <p>
        <OcopStars stars={stars} />{" "}
        <strong>{valid ? t("catalogue.ocop.valid") : t("catalogue.ocop.expired")}</strong>
      </p>
      <dl class="summary-list">
        {number && (
          <>
            <dt>{t("catalogue.ocop.certificateNumber")}</dt>
            <dd>{number}</dd>
          </>
        )}
        {certifiedOn && (
          <>
            <dt>{t("catalogue.ocop.certifiedOn")}</dt>
            <dd>{formatDate(certifiedOn)}</dd>
          </>
        )}
        {expiresOn && (
          <>
            <dt>{t("catalogue.ocop.expiresOn")}</dt>
            <dd>{formatDate(expiresOn)}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

export function Thumbnail({
  file,
  alt,
}: {
  file: Pick<StoredFile, "storageKey" | "thumbnailKey"> | null;
  alt: string;
}) {
  if (!file) return <span class="catalogue-thumb catalogue-thumb-empty" aria-hidden="true" />;
  return (
    <img class="catalogue-thumb" src={fileUrl(file, "thumbnail")} alt={alt} loading="lazy" width={200} />
  );
}

export function PreviewBanner({ status }: { status: ListingStatus }) {
  const { t } = usePage();
  return (
    <div class="panel panel-warning catalogue-preview" role="note">
      <strong>{t("catalogue.preview.title")}</strong>{" "}
      {t("catalogue.preview.body", { status: t(`catalogue.status.${status}`) })}
    </div>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-title`} class="catalogue-section">
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

export const imageAccept = "image/jpeg,image/png,image/webp";
export const documentAccept =
  "application/pdf,image/jpeg,image/png,.docx,.xlsx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type CertificateCells = Pick<
  ProductCertificate,
  "title" | "file" | "kind" | "number" | "issuedOn" | "expiresOn"
>;

/** The first cells of a certificate's row: its title (linked to the scan, if any), kind and number. */
export function CertificateHeadCells({ certificate }: { certificate: CertificateCells }) {
  const { t } = usePage();
  return (
    <>
      <th scope="row">
        {certificate.file ? <a href={fileUrl(certificate.file)}>{certificate.title}</a> : certificate.title}
      </th>
      <td>{t(`catalogue.certificateKind.${certificate.kind}`)}</td>
      <td>{certificate.number ?? ""}</td>
    </>
  );
}

/** "dd/MM/yyyy – dd/MM/yyyy": a certificate's validity, either end left out when unknown. */
export function certificateValidity(certificate: CertificateCells): string {
  return (
    (certificate.issuedOn ? formatDate(certificate.issuedOn) : "") +
    (certificate.expiresOn ? ` – ${formatDate(certificate.expiresOn)}` : "")
  );
}
