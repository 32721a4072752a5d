import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFoundError, ValidationError } from "../../../../platform/errors.ts";
import { DOSSIER_STATES } from "../../workflow/index.ts";
import { lookupDossier } from "./lookup.ts";
import { lookupLimit } from "./routes.tsx";

const LookupQuery = z
  .object({
    province: z.string().max(60).describe("The portal's province slug, e.g. dong-thap"),
    code: z.string().trim().min(1).max(60).describe("The dossier code printed on the receipt (form 01)"),
    phone: z.string().trim().max(40).optional().describe("The applicant's phone number given in the dossier"),
    taxCode: z
      .string()
      .trim()
      .max(20)
      .optional()
      .describe("Or the applicant's tax code given in the dossier"),
  })
  .refine((query) => Boolean(query.phone || query.taxCode), {
    message: "phone or taxCode is required",
    path: ["phone"],
  });

const Dossier = z.object({
  code: z.string(),
  state: z.enum(DOSSIER_STATES),
  stateLabel: z.string().describe("The state in the request's language"),
  procedure: z.object({ name: z.string(), nameEn: z.string() }),
  submittedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  dueDate: z.string().nullable().describe("The appointment date (YYYY-MM-DD), moved by an extension"),
  decidedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  timeliness: z.enum(["early", "on-time", "late"]).nullable(),
  deliveryMethod: z.enum(["counter", "online", "post"]),
  result: z.object({ kind: z.enum(["grant", "refusal"]), documentNumber: z.string() }).nullable(),
  timeline: z.array(
    z.object({
      state: z.enum(DOSSIER_STATES),
      at: z.string(),
      comment: z.string().nullable().describe("What a request for a supplement asks for"),
      newDueDate: z.string().nullable().describe("Set on an extension (form 04)"),
    }),
  ),
  canRate: z.boolean(),
  ratingScore: z.number().int().nullable(),
});

const ApiError = z.object({ statusCode: z.number().int(), code: z.string(), message: z.string() });

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

export async function lookupApiRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/v1/dossiers/lookup",
    {
      config: lookupLimit,
      schema: {
        tags: ["services"],
        summary:
          "Look a dossier up by its code with the applicant's phone number or tax code (one 404 for any mismatch)",
        querystring: LookupQuery,
        response: { 200: Dossier, 404: ApiError },
      },
    },
    async (request) => {
      const { province: slug, code, phone, taxCode } = request.query;
      const province = app.hostedProvinces().find((hosted) => hosted.slug === slug);
      if (!province) throw new NotFoundError("services.lookup.notFound");
      const ctx = { db: app.database.db, actor: null, province, ipAddress: request.ip };
      try {
        const status = await lookupDossier(ctx, { code, phone, taxCode });
        return {
          ...status,
          stateLabel: request.t(`services.state.${status.state}`),
          procedure: { name: status.procedureName, nameEn: status.procedureNameEn },
          submittedAt: iso(status.submittedAt),
          receivedAt: iso(status.receivedAt),
          decidedAt: iso(status.decidedAt),
          completedAt: iso(status.completedAt),
          timeline: status.timeline.map((line) => ({ ...line, at: line.at.toISOString() })),
        };
      } catch (error) {
        if (error instanceof ValidationError) throw new NotFoundError("services.lookup.notFound");
        throw error;
      }
    },
  );
}
