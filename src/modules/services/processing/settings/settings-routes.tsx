import type { FastifyInstance } from "fastify";
import { formValues, handleForm } from "../../../../platform/http/forms.ts";
import { emptyForm } from "../../../../views/components.tsx";
import { getSettingsView, previewServiceSettings, updateServiceSettings } from "./service-settings.ts";
import { SettingsPage, settingsPath } from "./settings-page.tsx";

type Params = { province: string };

/** `/{slug}/admin/services/settings`: agency code, dossier code pattern with a preview, cut-off hour. */
export async function settingsRoutes(app: FastifyInstance) {
  app.get<{ Params: Params }>("/:province/admin/services/settings", async (request, reply) => {
    const { settings, preview } = await getSettingsView(request.serviceContext());
    const form = emptyForm({
      agencyCode: settings.agencyCode,
      codePattern: settings.codePattern,
      cutOffTime: settings.cutOffTime,
    });
    return reply.render(
      <SettingsPage
        form={form}
        preview={preview}
        isDefault={settings.isDefault}
        isPreviewOfTypedValues={false}
      />,
    );
  });

  app.post<{ Params: Params; Body: Record<string, unknown> }>(
    "/:province/admin/services/settings",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const isPreview = request.body?.intent === "preview";
      return handleForm(request, reply, {
        run: async () => {
          if (isPreview) return { preview: await previewServiceSettings(ctx, request.body) };
          await updateServiceSettings(ctx, request.body);
          return { preview: null };
        },
        onSuccess: ({ preview }) => {
          if (preview === null) {
            return reply.redirectWithFlash(settingsPath(request.params.province), {
              kind: "success",
              messageKey: "services.processing.settings.saved",
            });
          }
          return reply.render(
            <SettingsPage
              form={emptyForm(formValues(request.body))}
              preview={preview}
              isDefault={false}
              isPreviewOfTypedValues
            />,
          );
        },
        renderInvalid: async (form) => {
          const { settings } = await getSettingsView(ctx);
          return (
            <SettingsPage
              form={form}
              preview={null}
              isDefault={settings.isDefault}
              isPreviewOfTypedValues={false}
            />
          );
        },
      });
    },
  );
}
