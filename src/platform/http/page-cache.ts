import type { FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";

/**
 * Anonymous visitors see the same public page (a plan, a list) until its data changes. The page is kept per
 * URL and language with the version of the data it was built from (e.g. the plan's updated_at); each request
 * reads the current version (one indexed query) and rebuilds only when it moved, so every web process stays
 * correct without any cross-process invalidation. Signed-in people, flash messages and pages carrying a
 * CSRF token are never cached.
 */
export class PublicPageCache {
  private readonly entries = new Map<string, { version: string; html: Buffer }>();
  constructor(private readonly maxEntries = 500) {}

  async send(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { version: () => Promise<string>; render: () => Promise<VNode> },
  ): Promise<FastifyReply> {
    // A query string would let anyone fill the cache with variants of one page: those are built each time.
    if (request.actor || request.flash || request.url.includes("?"))
      return reply.render(await options.render());
    const key = `${request.locale}|${request.url}`;
    const version = await options.version();
    const cached = this.entries.get(key);
    if (cached?.version === version) return reply.sendHtml(cached.html);
    const { html, isPersonal } = reply.renderHtml(await options.render());
    if (isPersonal) return reply.sendHtml(html);
    // Kept encoded: a hit then sends bytes without re-encoding tens of kilobytes of UTF-8.
    const bytes = Buffer.from(html);
    this.remember(key, { version, html: bytes });
    return reply.sendHtml(bytes);
  }

  private remember(key: string, entry: { version: string; html: Buffer }): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
