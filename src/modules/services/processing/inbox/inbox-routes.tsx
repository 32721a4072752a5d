import type { FastifyInstance } from "fastify";
import { pageFromQuery } from "../../../../platform/http/forms.ts";
import { InboxPage } from "./inbox-page.tsx";
import { INBOX_PAGE_SIZE, listInbox, readInboxFilters } from "./inbox-query.ts";

/** `/{slug}/admin/services/inbox`: the dossiers at the officer's unit, filtered and sorted by due date. */
export async function inboxRoutes(app: FastifyInstance) {
  app.get<{ Params: { province: string }; Querystring: Record<string, string | undefined> }>(
    "/:province/admin/services/inbox",
    async (request, reply) => {
      const filters = readInboxFilters(request.query);
      const { page } = pageFromQuery(request.query, INBOX_PAGE_SIZE);
      const inbox = await listInbox(request.serviceContext(), filters, page);
      return reply.render(<InboxPage inbox={inbox} filters={filters} />);
    },
  );
}
