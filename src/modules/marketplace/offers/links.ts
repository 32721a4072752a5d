/**
 * Absolute links in e-mails need the installation's public address. The offer routes plugin records it when
 * the app starts (from `config.publicUrl`); services that run outside a request (matching called by the
 * moderation service, the daily digest) read it here. Before it is set the links stay relative.
 */
let publicUrl = "";

export function setMarketplacePublicUrl(url: string): void {
  publicUrl = url.replace(/\/$/, "");
}

export function marketplaceLink(path: string): string {
  return `${publicUrl}${path}`;
}

let linkSecret: string | null = null;

/** The key that derives the private links of inquiry threads (the installation's session secret). */
export function setMarketplaceLinkSecret(secret: string): void {
  linkSecret = secret;
}

export function marketplaceLinkSecret(): string {
  if (!linkSecret)
    throw new Error("The marketplace link secret is not configured (offerRoutes sets it at start).");
  return linkSecret;
}

/**
 * For processes that do not build the web app (the CLI): the same settings `offerRoutes` applies at start.
 * Call it before `sendTradeDigests` or `onOfferPublished` outside the server.
 */
export function configureMarketplaceLinks(config: { publicUrl: string; sessionSecret: string }): void {
  setMarketplacePublicUrl(config.publicUrl);
  setMarketplaceLinkSecret(config.sessionSecret);
}
