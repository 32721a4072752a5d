import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Locale, Translate } from "../platform/i18n.ts";
import type { Actor, HostedProvince } from "../platform/request-context.ts";

export type Flash = {
  kind: "success" | "error" | "info";
  messageKey: string;
  params?: Record<string, string>;
};

/** What every view may read about the request it renders for. */
export type PageContextValue = {
  t: Translate;
  locale: Locale;
  /** Lazily issues the CSRF token: pages without a form set no cookie. */
  csrfToken: () => string;
  actor: Actor | null;
  province: HostedProvince | null;
  currentPath: string;
  /** The installation's public address (canonical and alternate links). */
  publicUrl: string;
  flash: Flash | null;
};

export const PageContext = createContext<PageContextValue | null>(null);

export function usePage(): PageContextValue {
  const value = useContext(PageContext);
  if (!value) throw new Error("usePage() outside a rendered page");
  return value;
}
