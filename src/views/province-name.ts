/** "Tỉnh Đồng Tháp" / "Thành phố Hồ Chí Minh"; in English "Dong Thap Province" order: from the catalogue. */
export function provinceDisplayName(
  province: { name: string; kind: string },
  t: (key: string, params?: Record<string, string>) => string,
): string {
  return t(province.kind === "thành phố" ? "province.displayName.city" : "province.displayName.province", {
    name: province.name,
  });
}
