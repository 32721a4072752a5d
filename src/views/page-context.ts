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

// The page being rendered. Rendering to a string is synchronous, so one slot set around the render is enough. It
// replaces preact's context, whose hooks module runs three option hooks on every element of every page and
// subscribes every component that reads the context: on the officer inbox that was some 40 % of the render's CPU,
// garbage collection included.
let currentPage: PageContextValue | null = null;

/** Runs `render` (a synchronous renderToString) with `page` as the context every view reads through usePage. */
export function renderWithPage<T>(page: PageContextValue, render: () => T): T {
  const previous = currentPage;
  currentPage = page;
  try {
    return render();
  } finally {
    currentPage = previous;
  }
}

export function usePage(): PageContextValue {
  if (!currentPage) throw new Error("usePage() outside a rendered page");
  return currentPage;
}
