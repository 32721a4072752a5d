/** "Tỉnh Đồng Tháp", "Thành phố Hồ Chí Minh": the kind as officially written before the name. */
export function provinceDisplayName(
  province: { name: string; kind: string },
  t: (key: string) => string,
): string {
  return `${t(province.kind === "thành phố" ? "province.kind.city" : "province.kind.province")} ${province.name}`;
}
