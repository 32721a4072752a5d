import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { uploadedFiles } from "../../platform/schema.ts";
import { enterprises } from "../enterprises/schema.ts";
import { provinces } from "../geo/schema.ts";
import { units, users } from "../identity/schema.ts";
import { planBudgetLines } from "../plans/schema.ts";
import type { DossierState } from "./workflow/transitions.ts";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/** Public service levels 1–4 (Decree 43/2011, kept by the seeds) and Decree 42/2022's online class. */
export const serviceLevels = [1, 2, 3, 4] as const;
export const onlineClasses = ["full", "partial"] as const;
export type OnlineClass = (typeof onlineClasses)[number];
export const procedureKinds = ["procedure", "subsidy"] as const;
export type ProcedureKind = (typeof procedureKinds)[number];
export const copyKinds = ["original", "certified-copy", "copy", "original-or-certified-copy"] as const;
export type CopyKind = (typeof copyKinds)[number];

/**
 * An administrative procedure (thủ tục hành chính) or a subsidy programme of one province. What it asks for
 * lives in its versions: a dossier keeps the version it was received under, so editing the catalogue never
 * changes the rules of a dossier already in the one-stop shop.
 */
export const procedures = pgTable(
  "procedures",
  {
    id: serial("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    /** The national database code (e.g. "2.000620") or, for a provincial programme, the province's own. */
    code: text("code").notNull(),
    kind: text("kind", { enum: procedureKinds }).notNull().default("procedure"),
    /** The version applicants submit under now; null until the first version is published. */
    currentVersionId: integer("current_version_id"),
    status: text("status", { enum: ["active", "retired"] })
      .notNull()
      .default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("procedures_province_code_key").on(table.provinceId, table.code)],
);

/** A fee line of a procedure version, in đồng ("lệ phí" or "phí"); `payableOnline` lines make up the online fee. */
export type ProcedureFee = { label: string; labelEn: string; amountDong: number; payableOnline: boolean };

/** A subsidy programme's terms as the plan states them (Đồng Tháp 2011–2015, part 5). */
export type SubsidyTerms = {
  amountPerEnterpriseDong: number;
  enterpriseContributionDong: number;
  quotaPerYear: number | null;
  quotaTotal: number;
  centralAmountPerEnterpriseDong: number;
};

/** A procedure as published at one time; immutable once a dossier references it. */
export const procedureVersions = pgTable(
  "procedure_versions",
  {
    id: serial("id").primaryKey(),
    procedureId: integer("procedure_id")
      .notNull()
      .references(() => procedures.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull(),
    /** Field (lĩnh vực) code, e.g. "thuong-mai-quoc-te", "kinh-doanh-khi", "vat-lieu-no-cong-nghiep". */
    field: text("field").notNull(),
    /** The unit that decides (cơ quan thực hiện); its one-stop section receives. */
    implementingUnitId: integer("implementing_unit_id")
      .notNull()
      .references(() => units.id),
    level: smallint("level").notNull(),
    onlineClass: text("online_class", { enum: onlineClasses }).notNull(),
    /** Who may apply: enterprises, citizens (household businesses) or both. */
    applicantKinds: text("applicant_kinds").array().notNull(),
    description: text("description").notNull(),
    descriptionEn: text("description_en").notNull(),
    /** The processing steps and units (`ProcedureWorkflow` with unit ids as strings). */
    workflow: jsonb("workflow").notNull(),
    processingWorkingDays: integer("processing_working_days").notNull(),
    fees: jsonb("fees").$type<ProcedureFee[]>().notNull(),
    /** Sum of the `payableOnline` fee lines, in đồng: what a level-4 applicant pays online. */
    onlineFeeDong: bigint("online_fee_dong", { mode: "number" }).notNull().default(0),
    legalBasis: text("legal_basis").array().notNull(),
    resultType: text("result_type", { enum: ["licence", "certificate", "decision", "notice"] }).notNull(),
    resultName: text("result_name").notNull(),
    resultNameEn: text("result_name_en").notNull(),
    /** Months a granted licence or certificate is valid; null when it does not expire. */
    resultValidityMonths: integer("result_validity_months"),
    /** Extra questions of the online form, beyond the applicant's identity (see `catalogue/questions.ts`). */
    questions: jsonb("questions").notNull().default(sql`'[]'::jsonb`),
    subsidy: jsonb("subsidy").$type<SubsidyTerms>(),
    /** The plan budget line that pays a subsidy programme. */
    budgetLineId: integer("budget_line_id").references(() => planBudgetLines.id),
    /** Folded name + code + field for diacritics-insensitive catalogue search. */
    searchText: text("search_text").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: integer("created_by").references(() => users.id),
  },
  (table) => [uniqueIndex("procedure_versions_procedure_version_key").on(table.procedureId, table.version)],
);

/** A document the applicant must supply (thành phần hồ sơ). */
export const procedureComponents = pgTable(
  "procedure_components",
  {
    id: serial("id").primaryKey(),
    versionId: integer("version_id")
      .notNull()
      .references(() => procedureVersions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull(),
    copyKind: text("copy_kind", { enum: copyKinds }).notNull(),
    quantity: integer("quantity").notNull().default(1),
    required: boolean("required").notNull(),
    /** The official form to download and fill in (e.g. "Mẫu số 01 Phụ lục I Nghị định 105/2017"). */
    templateName: text("template_name"),
    templateFileId: integer("template_file_id").references(() => uploadedFiles.id),
  },
  (table) => [index("procedure_components_version_idx").on(table.versionId, table.position)],
);

/** Per-province settings of the one-stop shop: the agency code in dossier codes, its pattern, the cut-off hour. */
export const serviceSettings = pgTable("service_settings", {
  provinceId: integer("province_id")
    .primaryKey()
    .references(() => provinces.id),
  /** The receiving agency's code in the national catalogue of agency codes, e.g. "000.00.21.H57". */
  agencyCode: text("agency_code").notNull(),
  codePattern: text("code_pattern").notNull(),
  /** "HH:MM" in Vietnam time; a dossier received later counts from the next working day. */
  cutOffTime: text("cut_off_time").notNull().default("16:00"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The day's last sequence number per agency, for dossier codes (taken with a row lock, so never reused). */
export const dossierSequences = pgTable(
  "dossier_sequences",
  {
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    day: date("day").notNull(),
    lastValue: integer("last_value").notNull(),
  },
  (table) => [uniqueIndex("dossier_sequences_key").on(table.provinceId, table.day)],
);

export const dossierChannels = ["online", "counter", "post"] as const;

/**
 * A dossier (hồ sơ). The source of truth for its status is `dossier_events` (replayed by the workflow rules);
 * the columns from `state` down are a snapshot of that replay, rewritten in the same transaction as each event,
 * so the officer inbox, lookups and dashboards read one row.
 */
export const dossiers = pgTable(
  "dossiers",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    procedureId: integer("procedure_id")
      .notNull()
      .references(() => procedures.id),
    procedureVersionId: integer("procedure_version_id")
      .notNull()
      .references(() => procedureVersions.id),
    /** Set on submission (e.g. "000.00.21.H57-261123-0001"); unique within the installation. */
    code: text("code"),
    applicantUserId: integer("applicant_user_id").references(() => users.id),
    enterpriseId: integer("enterprise_id").references(() => enterprises.id),
    applicantName: text("applicant_name").notNull(),
    applicantTaxCode: text("applicant_tax_code"),
    applicantIdNumber: text("applicant_id_number"),
    applicantPhone: text("applicant_phone").notNull(),
    applicantEmail: text("applicant_email").notNull(),
    applicantAddress: text("applicant_address").notNull(),
    /** Answers to the version's questions, by question id. */
    answers: jsonb("answers").$type<Record<string, string>>().notNull().default({}),
    channel: text("channel", { enum: dossierChannels }).notNull().default("online"),
    /** How the applicant wants the result (counter, online, post) and the postal address for post. */
    deliveryMethod: text("delivery_method", { enum: ["counter", "online", "post"] })
      .notNull()
      .default("online"),
    deliveryAddress: text("delivery_address"),
    declarationAcceptedAt: timestamp("declaration_accepted_at", { withTimezone: true }),
    /** Snapshot of the replayed status (see the table comment). */
    state: text("state").$type<DossierState>().notNull().default("draft"),
    currentStepId: text("current_step_id"),
    stageUnitId: integer("stage_unit_id").references(() => units.id),
    stageRole: text("stage_role"),
    holderUserId: integer("holder_user_id").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }),
    /** The appointment date (form 01), moved by an extension (form 04) and by supplement pauses. */
    dueDate: date("due_date"),
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** "early" | "on-time" | "late" once decided (Decision 766's on-time share). */
    timeliness: text("timeliness", { enum: ["early", "on-time", "late"] }),
    feeDong: bigint("fee_dong", { mode: "number" }).notNull().default(0),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    eventCount: integer("event_count").notNull().default(0),
    lastActionAt: timestamp("last_action_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("dossiers_code_key").on(table.code),
    index("dossiers_inbox_idx").on(table.provinceId, table.stageUnitId, table.state, table.dueDate),
    // The inbox's first page: the open dossiers of a unit in due-date order, read straight from the index and
    // stopped after 25 rows (a few percent of all dossiers are open, so it stays small); `state` last lets the
    // filters on state be checked in the index; the procedure and the holder after it do the same for the
    // inbox's other filters (an index-only scan, instead of a visit to each row until 25 match).
    index("dossiers_open_inbox_idx")
      .on(
        table.provinceId,
        table.stageUnitId,
        table.dueDate,
        table.id,
        table.state,
        table.procedureId,
        table.holderUserId,
      )
      .where(
        sql`${table.state} in ('submitted', 'received', 'in-review', 'awaiting-supplement', 'proposed', 'approved', 'rejected')`,
      ),
    index("dossiers_holder_idx").on(table.holderUserId, table.state),
    index("dossiers_applicant_idx").on(table.applicantUserId, table.createdAt),
    index("dossiers_submitted_idx").on(table.provinceId, table.submittedAt),
    // The tracking register (form 07) lists a period's dossiers by receipt, or submission while not received.
    index("dossiers_register_idx").on(
      table.provinceId,
      sql`coalesce(${table.receivedAt}, ${table.submittedAt})`,
      table.id,
    ),
    index("dossiers_procedure_idx").on(table.procedureId),
    index("dossiers_enterprise_idx").on(table.enterpriseId),
  ],
);

/** A file the applicant attached for a component (or with a supplement); removed files stay for the record. */
export const dossierFiles = pgTable(
  "dossier_files",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dossierId: bigint("dossier_id", { mode: "number" })
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    componentId: integer("component_id").references(() => procedureComponents.id),
    fileId: integer("file_id")
      .notNull()
      .references(() => uploadedFiles.id),
    /** The history entry (supply) this file came with; null for files of the original submission. */
    eventSeq: integer("event_seq"),
    addedBy: integer("added_by").references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (table) => [
    index("dossier_files_dossier_idx").on(table.dossierId),
    index("dossier_files_file_idx").on(table.fileId),
  ],
);

/** The dossier's append-only history: one row per workflow action (`entry` is the `HistoryEntry`). */
export const dossierEvents = pgTable(
  "dossier_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dossierId: bigint("dossier_id", { mode: "number" })
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    action: text("action").notNull(),
    stateAfter: text("state_after").notNull(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    entry: jsonb("entry").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex("dossier_events_dossier_seq_key").on(table.dossierId, table.seq)],
);

/** The administrator's holiday table (generated defaults, then edited): days off and swapped working days. */
export const holidays = pgTable(
  "holidays",
  {
    id: serial("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    date: date("date").notNull(),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull(),
    /** `working-day`: a Saturday or Sunday worked to swap for a day off (the calendar's override). */
    kind: text("kind", { enum: ["holiday", "compensatory", "swapped", "working-day"] }).notNull(),
    source: text("source", { enum: ["generated", "manual"] }).notNull(),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("holidays_province_date_key").on(table.provinceId, table.date)],
);

/**
 * `voided`: a payment an officer recorded in error, cancelled with a reason (the money was never taken);
 * `refunded`: a paid payment whose money was returned (a duplicate payment, a fee not due). Both are final and
 * explained by a row of `dossier_payment_corrections`.
 */
export const paymentStatuses = [
  "pending",
  "paid",
  "failed",
  "cancelled",
  "expired",
  "voided",
  "refunded",
] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/**
 * How a fee was paid: online through VNPay or the built-in simulator, or recorded by an officer for cash at
 * the one-stop counter (`counter`) or a bank transfer matched against the statement (`transfer`).
 */
export const paymentGateways = ["vnpay", "simulator", "counter", "transfer"] as const;
export type PaymentGateway = (typeof paymentGateways)[number];

/**
 * One payment of a dossier's fee: an online attempt (`txnRef` is the vnp_TxnRef sent to the gateway), or a
 * payment an officer recorded, born `paid` (`recordedByUserId` set, the bank reference of a transfer in
 * `gatewayTransactionNo`).
 */
export const dossierPayments = pgTable(
  "dossier_payments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    dossierId: bigint("dossier_id", { mode: "number" })
      .notNull()
      .references(() => dossiers.id),
    txnRef: text("txn_ref").notNull(),
    amountDong: bigint("amount_dong", { mode: "number" }).notNull(),
    gateway: text("gateway", { enum: paymentGateways }).notNull(),
    status: text("status", { enum: paymentStatuses }).notNull().default("pending"),
    bankCode: text("bank_code"),
    gatewayTransactionNo: text("gateway_transaction_no"),
    responseCode: text("response_code"),
    /** The receipt number (biên lai) given when the IPN confirms the payment or an officer records it. */
    receiptNumber: text("receipt_number"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    /** The officer who recorded a counter or transfer payment; null for online attempts. */
    recordedByUserId: integer("recorded_by_user_id").references(() => users.id),
    /** The officer's note on a recorded payment (who paid at the counter, a partial statement line…). */
    note: text("note"),
    /** The last IPN's parameters as received, for reconciliation. */
    ipnPayload: jsonb("ipn_payload"),
    ipnCount: integer("ipn_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("dossier_payments_txn_ref_key").on(table.txnRef),
    index("dossier_payments_dossier_idx").on(table.dossierId),
    index("dossier_payments_province_created_idx").on(table.provinceId, table.createdAt),
  ],
);

export const paymentCorrectionKinds = ["void", "refund"] as const;
export type PaymentCorrectionKind = (typeof paymentCorrectionKinds)[number];

/**
 * The correction of a paid payment, one at most per payment: `void` cancels a payment an officer recorded in
 * error; `refund` records that the whole amount was returned (partial refunds are not modelled), with the bank reference of the
 * return transfer and the day it was made.
 */
export const dossierPaymentCorrections = pgTable(
  "dossier_payment_corrections",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    paymentId: bigint("payment_id", { mode: "number" })
      .notNull()
      .references(() => dossierPayments.id),
    kind: text("kind", { enum: paymentCorrectionKinds }).notNull(),
    /** The amount voided or returned: the payment's whole amount. */
    amountDong: bigint("amount_dong", { mode: "number" }).notNull(),
    reason: text("reason").notNull(),
    /** The bank reference of a refund transfer; null for a void or a refund in cash. */
    reference: text("reference"),
    /** The day the money was returned (refunds only). */
    refundedOn: date("refunded_on"),
    createdByUserId: integer("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("dossier_payment_corrections_payment_key").on(table.paymentId),
    index("dossier_payment_corrections_province_created_idx").on(table.provinceId, table.createdAt),
  ],
);

export const deadlineRecomputeStatuses = ["queued", "running", "done", "failed"] as const;
export type DeadlineRecomputeStatus = (typeof deadlineRecomputeStatuses)[number];

/**
 * A durable run of `recomputeOpenDeadlines` for one province: queued in the same transaction as the holiday
 * change that needs it, worked through by the background worker in batches, each batch committing its
 * progress (`afterId`, the counts) so a restart continues where it stopped.
 */
export const deadlineRecomputations = pgTable(
  "deadline_recomputations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    /** The earliest calendar day the change touched; null = every open dossier. */
    fromDate: date("from_date"),
    /** What asked for it: `holidays.add`, `holidays.edit`, `holidays.remove`, `holidays.generate`, `cli`… */
    trigger: text("trigger").notNull(),
    requestedByUserId: integer("requested_by_user_id").references(() => users.id),
    status: text("status", { enum: deadlineRecomputeStatuses }).notNull().default("queued"),
    /** Keyset cursor: the last dossier id whose batch committed. */
    afterId: bigint("after_id", { mode: "number" }),
    /** Open dossiers in scope when the run started (for the progress bar); null until then. */
    total: integer("total"),
    examined: integer("examined").notNull().default(0),
    changed: integer("changed").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [
    index("deadline_recomputations_pending_idx")
      .on(table.id)
      .where(sql`${table.status} in ('queued', 'running')`),
    index("deadline_recomputations_province_created_idx").on(table.provinceId, table.createdAt),
  ],
);

/** The Department's signing key: a development one created on first start, or one an administrator installed. */
export const signingCredentials = pgTable(
  "signing_credentials",
  {
    id: serial("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    origin: text("origin", { enum: ["development", "installed"] }).notNull(),
    /** PKCS#12 of the key, certificate and chain, encrypted with a passphrase derived from the install secret. */
    pkcs12: bytea("pkcs12").notNull(),
    /** The trusted root that verification accepts (the development CA or the installed chain's root), PEM. */
    trustAnchorPem: text("trust_anchor_pem").notNull(),
    subject: text("subject").notNull(),
    serialNumber: text("serial_number").notNull(),
    notBefore: timestamp("not_before", { withTimezone: true }).notNull(),
    notAfter: timestamp("not_after", { withTimezone: true }).notNull(),
    active: boolean("active").notNull(),
    installedBy: integer("installed_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("signing_credentials_active_key").on(table.provinceId).where(sql`${table.active}`)],
);

/** An issued, signed result (licence, certificate, decision, refusal) and its public verification token. */
export const dossierResults = pgTable(
  "dossier_results",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    dossierId: bigint("dossier_id", { mode: "number" })
      .notNull()
      .references(() => dossiers.id),
    /** "Số" and "ký hiệu" of the document, e.g. 15/GP-SCT. */
    documentNumber: text("document_number").notNull(),
    kind: text("kind", { enum: ["grant", "refusal"] }).notNull(),
    title: text("title").notNull(),
    fileId: integer("file_id")
      .notNull()
      .references(() => uploadedFiles.id),
    sha256: text("sha256").notNull(),
    credentialId: integer("credential_id")
      .notNull()
      .references(() => signingCredentials.id),
    /** Random, unguessable: the QR code's link to the public verification page. */
    verificationToken: text("verification_token").notNull(),
    validUntil: date("valid_until"),
    /** What was issued, shown on the verification page (holder, subject, scope). */
    summary: jsonb("summary").$type<Record<string, string>>().notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
    signedBy: integer("signed_by").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("dossier_results_token_key").on(table.verificationToken),
    index("dossier_results_dossier_idx").on(table.dossierId),
  ],
);

/** The applicant's satisfaction after completion (one per dossier), for Decision 766's satisfaction group. */
export const dossierRatings = pgTable("dossier_ratings", {
  dossierId: bigint("dossier_id", { mode: "number" })
    .primaryKey()
    .references(() => dossiers.id, { onDelete: "cascade" }),
  score: smallint("score").notNull(),
  comment: text("comment"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
