import { describe, expect, it } from "vitest";
import { chooseApplicantKind } from "./applicant-kind.ts";
import { DeliveryInput, normalizePhoneNumber } from "./inputs.ts";
import { computeDraftProgress, type DraftFacts } from "./progress.ts";

const complete: DraftFacts = {
  detailsValid: true,
  hasQuestions: true,
  answersValid: true,
  answeredCount: 1,
  components: [
    { id: 1, required: true, fileCount: 1 },
    { id: 2, required: false, fileCount: 0 },
  ],
  deliveryValid: true,
};

describe("computeDraftProgress", () => {
  it("is ready to submit when every section is complete; optional documents may be left out", () => {
    const progress = computeDraftProgress(complete);
    expect(progress.isReadyToSubmit).toBe(true);
    expect(progress.missingComponentIds).toEqual([]);
    expect(progress.tasks.map((task) => task.task)).toEqual([
      "details",
      "questions",
      "documents",
      "delivery",
    ]);
  });

  it("lists each required component without a file and refuses submission", () => {
    const progress = computeDraftProgress({
      ...complete,
      components: [
        { id: 1, required: true, fileCount: 0 },
        { id: 2, required: false, fileCount: 3 },
        { id: 3, required: true, fileCount: 0 },
      ],
    });
    expect(progress.missingComponentIds).toEqual([1, 3]);
    expect(progress.tasks.find((task) => task.task === "documents")?.status).toBe("in-progress");
    expect(progress.isReadyToSubmit).toBe(false);
  });

  it("shows questions as not started, in progress or completed, and leaves them out when there are none", () => {
    const status = (facts: Partial<DraftFacts>) =>
      computeDraftProgress({ ...complete, ...facts }).tasks.find((task) => task.task === "questions")?.status;
    expect(status({ answersValid: false, answeredCount: 0 })).toBe("not-started");
    expect(status({ answersValid: false, answeredCount: 2 })).toBe("in-progress");
    expect(status({ hasQuestions: false })).toBeUndefined();
  });
});

describe("chooseApplicantKind", () => {
  const roles = (...names: ("enterprise" | "citizen" | "officer")[]) => new Set(names);
  it("lets a representative apply for the enterprise, and a citizen in their own name", () => {
    expect(
      chooseApplicantKind({
        roles: roles("enterprise"),
        hasActingEnterprise: true,
        allowedKinds: ["enterprise"],
      }),
    ).toEqual({ ok: true, kind: "enterprise" });
    expect(
      chooseApplicantKind({
        roles: roles("citizen"),
        hasActingEnterprise: false,
        allowedKinds: ["enterprise", "citizen"],
      }),
    ).toEqual({ ok: true, kind: "citizen" });
  });

  it("explains why not: no enterprise yet, enterprises only, persons only, staff account", () => {
    const reason = (input: Parameters<typeof chooseApplicantKind>[0]) => {
      const choice = chooseApplicantKind(input);
      return choice.ok ? null : choice.messageKey;
    };
    expect(
      reason({ roles: roles("enterprise"), hasActingEnterprise: false, allowedKinds: ["enterprise"] }),
    ).toBe("services.apply.errors.noEnterprise");
    expect(
      reason({ roles: roles("citizen"), hasActingEnterprise: false, allowedKinds: ["enterprise"] }),
    ).toBe("services.apply.errors.enterprisesOnly");
    expect(reason({ roles: roles("enterprise"), hasActingEnterprise: true, allowedKinds: ["citizen"] })).toBe(
      "services.apply.errors.personsOnly",
    );
    expect(reason({ roles: roles("officer"), hasActingEnterprise: false, allowedKinds: ["citizen"] })).toBe(
      "services.apply.errors.notApplicant",
    );
  });
});

describe("applicant inputs", () => {
  it("stores phone numbers in one form, so the public lookup can match them", () => {
    expect(normalizePhoneNumber("+84 912 345 678")).toBe("0912345678");
    expect(normalizePhoneNumber("0912.345.678")).toBe("0912345678");
    expect(normalizePhoneNumber("02773851234")).toBe("02773851234");
    expect(normalizePhoneNumber("09")).toBeNull();
  });

  it("asks for a postal address only when the result goes by post", () => {
    expect(DeliveryInput.safeParse({ deliveryMethod: "post", deliveryAddress: "" }).success).toBe(false);
    expect(DeliveryInput.parse({ deliveryMethod: "online", deliveryAddress: "12 Lê Lợi" })).toEqual({
      deliveryMethod: "online",
      deliveryAddress: null,
    });
  });
});
