import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ConflictError, ForbiddenError } from "../../../platform/errors.ts";
import { handleForm, pageFromQuery } from "../../../platform/http/forms.ts";
import { readMultipart } from "../../../platform/http/multipart.ts";
import { idFromParam } from "../../../platform/http/route-id.ts";
import { emptyForm, type FormState } from "../../../views/components.tsx";
import {
  addCertificate,
  addProductImages,
  createProduct,
  deleteProduct,
  getNewProductChoices,
  getOwnProduct,
  listCategoryChoices,
  listOwnProducts,
  moveProductImage,
  removeCertificate,
  removeProductImage,
  setProductImageAlt,
  submitProduct,
  updateProduct,
  withdrawProduct,
} from "./services/products.ts";
import {
  addGalleryImages,
  getOwnStorefront,
  removeGalleryImage,
  saveStorefront,
  setGalleryCaption,
  submitStorefront,
} from "./services/storefront.ts";
import { MyProductsPage } from "./views/my-products.tsx";
import { MyStorefrontPage, storefrontFormValues } from "./views/my-storefront.tsx";
import { type EditForms, EditProductPage, NewProductPage, productFormValues } from "./views/product-form.tsx";

type ProvinceParams = { province: string };
type ProductParams = { province: string; id: string };
type ImageParams = ProductParams & { file: string };

/** Multipart text fields as the plain values a form shows again (a repeated field keeps its first value). */
function textValues(fields: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([name]) => name !== "_csrf")
      .map(([name, value]) => [name, Array.isArray(value) ? (value[0] ?? "") : value]),
  );
}

/** A one-button action (submit, withdraw, delete…): back with a flash, or with the reason it was refused. */
async function runAction(
  reply: FastifyReply,
  back: string,
  action: () => Promise<unknown>,
  messageKey: string,
): Promise<FastifyReply> {
  try {
    await action();
  } catch (error) {
    if (
      error instanceof ConflictError ||
      (error instanceof ForbiddenError && error.messageKey.startsWith("catalogue."))
    ) {
      return reply.redirectWithFlash(back, { kind: "error", messageKey: error.messageKey });
    }
    throw error;
  }
  return reply.redirectWithFlash(back, { kind: "success", messageKey });
}

export async function catalogueOwnerRoutes(app: FastifyInstance) {
  // ---- storefront -------------------------------------------------------------------------------------------
  app.get<{ Params: ProvinceParams }>("/:province/my/storefront", async (request, reply) => {
    const state = await getOwnStorefront(request.serviceContext());
    return reply.render(<MyStorefrontPage state={state} form={emptyForm(storefrontFormValues(state))} />);
  });

  app.post<{ Params: ProvinceParams }>("/:province/my/storefront", async (request, reply) => {
    const ctx = request.serviceContext();
    const { fields, files } = await readMultipart(request);
    return handleForm(request, reply, {
      run: () => saveStorefront({ ctx, form: fields, logo: files.logo?.[0] ?? null }),
      onSuccess: (result) =>
        reply.redirectWithFlash(`/${request.params.province}/my/storefront`, {
          kind: "success",
          messageKey: result.sentBackToReview
            ? "catalogue.myStorefront.savedToReview"
            : "catalogue.myStorefront.saved",
        }),
      renderInvalid: async (form) => (
        <MyStorefrontPage
          state={await getOwnStorefront(ctx)}
          form={{ ...form, values: textValues(fields) }}
        />
      ),
    });
  });

  app.post<{ Params: ProvinceParams }>("/:province/my/storefront/images", async (request, reply) => {
    const ctx = request.serviceContext();
    const { fields, files } = await readMultipart(request);
    return handleForm(request, reply, {
      run: () => addGalleryImages({ ctx, form: fields, files: files.images }),
      onSuccess: (result) =>
        reply.redirectWithFlash(`/${request.params.province}/my/storefront#gallery-title`, {
          kind: "success",
          messageKey: result.sentBackToReview ? "catalogue.imagesAddedToReview" : "catalogue.imagesAdded",
          params: { count: String(result.added) },
        }),
      renderInvalid: async (form) => {
        const state = await getOwnStorefront(ctx);
        return (
          <MyStorefrontPage
            state={state}
            form={emptyForm(storefrontFormValues(state))}
            galleryForm={{ ...form, values: textValues(fields) }}
          />
        );
      },
    });
  });

  app.post<{ Params: ImageParams }>("/:province/my/storefront/images/:file/delete", async (request, reply) =>
    runAction(
      reply,
      `/${request.params.province}/my/storefront#gallery-title`,
      () => removeGalleryImage({ ctx: request.serviceContext(), fileId: idFromParam(request.params.file) }),
      "catalogue.imageRemoved",
    ),
  );

  app.post<{ Params: ImageParams; Body: Record<string, string> }>(
    "/:province/my/storefront/images/:file/caption",
    async (request, reply) => {
      const ctx = request.serviceContext();
      const fileId = idFromParam(request.params.file);
      return handleForm(request, reply, {
        run: () =>
          setGalleryCaption({ ctx, fileId, form: { caption: request.body?.[`caption-${fileId}`] ?? "" } }),
        onSuccess: (result) =>
          reply.redirectWithFlash(`/${request.params.province}/my/storefront#gallery-title`, {
            kind: "success",
            messageKey: result.sentBackToReview ? "catalogue.captionSavedToReview" : "catalogue.captionSaved",
          }),
        renderInvalid: async (form) => {
          const state = await getOwnStorefront(ctx);
          return (
            <MyStorefrontPage
              state={state}
              form={emptyForm(storefrontFormValues(state))}
              galleryForm={{ ...form, issues: form.issues.map((issue) => ({ ...issue, field: "caption" })) }}
            />
          );
        },
      });
    },
  );

  app.post<{ Params: ProvinceParams }>("/:province/my/storefront/submit", async (request, reply) =>
    runAction(
      reply,
      `/${request.params.province}/my/storefront`,
      () => submitStorefront({ ctx: request.serviceContext() }),
      "catalogue.submitted",
    ),
  );

  // ---- products -----------------------------------------------------------------------------------------------
  app.get<{ Params: ProvinceParams; Querystring: { status?: string; page?: string } }>(
    "/:province/my/products",
    async (request, reply) => {
      const { page } = pageFromQuery(request.query, 50);
      const list = await listOwnProducts({
        ctx: request.serviceContext(),
        status: request.query.status,
        page,
      });
      return reply.render(<MyProductsPage list={list} />);
    },
  );

  app.get<{ Params: ProvinceParams }>("/:province/my/products/new", async (request, reply) => {
    const ctx = request.serviceContext();
    const choices = await getNewProductChoices(ctx);
    return reply.render(
      <NewProductPage form={emptyForm({ priceKind: "amount", unit: "kg" })} choices={choices} />,
    );
  });

  app.post<{ Params: ProvinceParams }>("/:province/my/products", async (request, reply) => {
    const ctx = request.serviceContext();
    return handleForm(request, reply, {
      run: () => createProduct({ ctx, form: request.body }),
      onSuccess: (id) =>
        reply.redirectWithFlash(`/${request.params.province}/my/products/${id}`, {
          kind: "success",
          messageKey: "catalogue.product.created",
        }),
      renderInvalid: async (form) => (
        <NewProductPage form={form} choices={await listCategoryChoices(ctx.db)} />
      ),
    });
  });

  app.get<{ Params: ProductParams }>("/:province/my/products/:id", async (request, reply) =>
    reply.render(await renderEditVNode(request, {})),
  );

  const productUrl = (request: FastifyRequest<{ Params: ProductParams }>, anchor = "") =>
    `/${request.params.province}/my/products/${idFromParam(request.params.id)}${anchor}`;

  app.post<{ Params: ProductParams }>("/:province/my/products/:id", async (request, reply) => {
    const ctx = request.serviceContext();
    return handleForm(request, reply, {
      run: () => updateProduct({ ctx, productId: idFromParam(request.params.id), form: request.body }),
      onSuccess: (result) =>
        reply.redirectWithFlash(productUrl(request), {
          kind: "success",
          messageKey: result.sentBackToReview ? "catalogue.product.savedToReview" : "catalogue.product.saved",
        }),
      renderInvalid: async (form: FormState) => renderEditVNode(request, { main: form }),
    });
  });

  /** The edit page with its three forms; the one that failed carries its values and problems. */
  async function renderEditVNode(
    request: FastifyRequest<{ Params: ProductParams }>,
    forms: Partial<EditForms>,
  ) {
    const ctx = request.serviceContext();
    const own = await getOwnProduct({ ctx, productId: idFromParam(request.params.id) });
    const choices = await listCategoryChoices(ctx.db);
    return (
      <EditProductPage
        own={own}
        choices={choices}
        forms={{
          main: forms.main ?? emptyForm(productFormValues(own.product)),
          images: forms.images ?? emptyForm(),
          certificate: forms.certificate ?? emptyForm({ kind: "co" }),
        }}
      />
    );
  }

  app.post<{ Params: ProductParams }>("/:province/my/products/:id/submit", async (request, reply) =>
    runAction(
      reply,
      productUrl(request),
      () => submitProduct({ ctx: request.serviceContext(), productId: idFromParam(request.params.id) }),
      "catalogue.submitted",
    ),
  );
  app.post<{ Params: ProductParams }>("/:province/my/products/:id/withdraw", async (request, reply) =>
    runAction(
      reply,
      productUrl(request),
      () => withdrawProduct({ ctx: request.serviceContext(), productId: idFromParam(request.params.id) }),
      "catalogue.product.withdrawn",
    ),
  );
  app.post<{ Params: ProductParams }>("/:province/my/products/:id/delete", async (request, reply) => {
    try {
      await deleteProduct({ ctx: request.serviceContext(), productId: idFromParam(request.params.id) });
    } catch (error) {
      if (error instanceof ConflictError) {
        return reply.redirectWithFlash(productUrl(request), { kind: "error", messageKey: error.messageKey });
      }
      throw error;
    }
    return reply.redirectWithFlash(`/${request.params.province}/my/products`, {
      kind: "success",
      messageKey: "catalogue.product.deleted",
    });
  });

  app.post<{ Params: ProductParams }>("/:province/my/products/:id/images", async (request, reply) => {
    const ctx = request.serviceContext();
    const { fields, files } = await readMultipart(request);
    return handleForm(request, reply, {
      run: () =>
        addProductImages({
          ctx,
          productId: idFromParam(request.params.id),
          form: fields,
          files: files.images,
        }),
      onSuccess: (result) =>
        reply.redirectWithFlash(productUrl(request, "#images-title"), {
          kind: "success",
          messageKey: result.sentBackToReview ? "catalogue.imagesAddedToReview" : "catalogue.imagesAdded",
          params: { count: String(result.added) },
        }),
      renderInvalid: (form) => renderEditVNode(request, { images: { ...form, values: textValues(fields) } }),
    });
  });

  app.post<{ Params: ImageParams }>(
    "/:province/my/products/:id/images/:file/delete",
    async (request, reply) =>
      runAction(
        reply,
        productUrl(request, "#images-title"),
        () =>
          removeProductImage({
            ctx: request.serviceContext(),
            productId: idFromParam(request.params.id),
            fileId: idFromParam(request.params.file),
          }),
        "catalogue.imageRemoved",
      ),
  );

  app.post<{ Params: ImageParams; Body: { direction?: string } }>(
    "/:province/my/products/:id/images/:file/move",
    async (request, reply) =>
      runAction(
        reply,
        productUrl(request, "#images-title"),
        () =>
          moveProductImage({
            ctx: request.serviceContext(),
            productId: idFromParam(request.params.id),
            fileId: idFromParam(request.params.file),
            direction: request.body?.direction === "up" ? "up" : "down",
          }),
        "catalogue.imageMoved",
      ),
  );

  app.post<{ Params: ImageParams; Body: Record<string, string> }>(
    "/:province/my/products/:id/images/:file/alt",
    async (request, reply) => {
      const fileId = idFromParam(request.params.file);
      return handleForm(request, reply, {
        run: () =>
          setProductImageAlt({
            ctx: request.serviceContext(),
            productId: idFromParam(request.params.id),
            fileId,
            form: { alt: request.body?.[`alt-${fileId}`] ?? "" },
          }),
        onSuccess: () =>
          reply.redirectWithFlash(productUrl(request, "#images-title"), {
            kind: "success",
            messageKey: "catalogue.altSaved",
          }),
        renderInvalid: (form) =>
          renderEditVNode(request, {
            images: { ...form, issues: form.issues.map((issue) => ({ ...issue, field: "alt" })) },
          }),
      });
    },
  );

  app.post<{ Params: ProductParams }>("/:province/my/products/:id/certificates", async (request, reply) => {
    const ctx = request.serviceContext();
    const { fields, files } = await readMultipart(request);
    return handleForm(request, reply, {
      run: () =>
        addCertificate({
          ctx,
          productId: idFromParam(request.params.id),
          form: fields,
          file: files.document?.[0] ?? null,
        }),
      onSuccess: (result) =>
        reply.redirectWithFlash(productUrl(request, "#certificates-title"), {
          kind: "success",
          messageKey: result.sentBackToReview
            ? "catalogue.certificateAddedToReview"
            : "catalogue.certificateAdded",
        }),
      renderInvalid: (form) =>
        renderEditVNode(request, { certificate: { ...form, values: textValues(fields) } }),
    });
  });

  app.post<{ Params: ProductParams & { certificate: string } }>(
    "/:province/my/products/:id/certificates/:certificate/delete",
    async (request, reply) =>
      runAction(
        reply,
        productUrl(request, "#certificates-title"),
        () =>
          removeCertificate({
            ctx: request.serviceContext(),
            productId: idFromParam(request.params.id),
            certificateId: idFromParam(request.params.certificate),
          }),
        "catalogue.certificateRemoved",
      ),
  );
}
