export const templateDatabaseName = "cong_tmdt_test_template";
/** The migrated template with the reference provinces and the demo data loaded, for apps built with the demo. */
export const demoTemplateDatabaseName = "cong_tmdt_test_template_demo";

/** The maintenance database on the same server, from which test databases are created and dropped. */
export function adminUrlFor(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = "/postgres";
  return parsed.toString();
}

export function databaseUrlWithName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
