import type { SectorGroup } from "./size-class.ts";

/**
 * The 21 sections (ngành cấp 1) of the Vietnam Standard Industrial Classification, VSIC 2018,
 * issued with Decision 27/2018/QĐ-TTg. Names are the decision's level-1 titles in sentence case;
 * English names follow ISIC Rev. 4, on which VSIC 2018 is based.
 */
export const VSIC_SECTIONS = [
  {
    section: "A",
    nameVi: "Nông nghiệp, lâm nghiệp và thủy sản",
    nameEn: "Agriculture, forestry and fishing",
  },
  { section: "B", nameVi: "Khai khoáng", nameEn: "Mining and quarrying" },
  { section: "C", nameVi: "Công nghiệp chế biến, chế tạo", nameEn: "Manufacturing" },
  {
    section: "D",
    nameVi: "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hoà không khí",
    nameEn: "Electricity, gas, steam and air conditioning supply",
  },
  {
    section: "E",
    nameVi: "Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải",
    nameEn: "Water supply; sewerage, waste management and remediation activities",
  },
  { section: "F", nameVi: "Xây dựng", nameEn: "Construction" },
  {
    section: "G",
    nameVi: "Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác",
    nameEn: "Wholesale and retail trade; repair of motor vehicles and motorcycles",
  },
  { section: "H", nameVi: "Vận tải kho bãi", nameEn: "Transportation and storage" },
  { section: "I", nameVi: "Dịch vụ lưu trú và ăn uống", nameEn: "Accommodation and food service activities" },
  { section: "J", nameVi: "Thông tin và truyền thông", nameEn: "Information and communication" },
  {
    section: "K",
    nameVi: "Hoạt động tài chính, ngân hàng và bảo hiểm",
    nameEn: "Financial and insurance activities",
  },
  { section: "L", nameVi: "Hoạt động kinh doanh bất động sản", nameEn: "Real estate activities" },
  {
    section: "M",
    nameVi: "Hoạt động chuyên môn, khoa học và công nghệ",
    nameEn: "Professional, scientific and technical activities",
  },
  {
    section: "N",
    nameVi: "Hoạt động hành chính và dịch vụ hỗ trợ",
    nameEn: "Administrative and support service activities",
  },
  {
    section: "O",
    nameVi:
      "Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, an ninh quốc phòng; bảo đảm xã hội bắt buộc",
    nameEn:
      "Activities of the Communist Party, socio-political organisations, public administration and defence; compulsory social security",
  },
  { section: "P", nameVi: "Giáo dục và đào tạo", nameEn: "Education" },
  {
    section: "Q",
    nameVi: "Y tế và hoạt động trợ giúp xã hội",
    nameEn: "Human health and social work activities",
  },
  { section: "R", nameVi: "Nghệ thuật, vui chơi và giải trí", nameEn: "Arts, entertainment and recreation" },
  { section: "S", nameVi: "Hoạt động dịch vụ khác", nameEn: "Other service activities" },
  {
    section: "T",
    nameVi:
      "Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất và dịch vụ tự tiêu dùng của hộ gia đình",
    nameEn:
      "Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use",
  },
  {
    section: "U",
    nameVi: "Hoạt động của các tổ chức và cơ quan quốc tế",
    nameEn: "Activities of extraterritorial organisations and bodies",
  },
] as const;

export type VsicSection = (typeof VSIC_SECTIONS)[number]["section"];

export function isVsicSection(value: string): value is VsicSection {
  return VSIC_SECTIONS.some((entry) => entry.section === value);
}

// Decree 80/2021/NĐ-CP Art. 5 sets one set of limits for "nông nghiệp, lâm nghiệp, thủy sản" together
// with "công nghiệp và xây dựng", and another for "thương mại và dịch vụ". In VSIC terms agriculture
// is A, industry is B–E (mining, manufacturing, utilities) and construction is F; every later
// section is trade or services. Art. 6 takes the enterprise's main registered business line.
const AGRICULTURE_INDUSTRY_CONSTRUCTION_SECTIONS: ReadonlySet<VsicSection> = new Set([
  "A",
  "B",
  "C",
  "D",
  "E",
  "F",
]);

export function sectorGroupOfSection(section: VsicSection): SectorGroup {
  return AGRICULTURE_INDUSTRY_CONSTRUCTION_SECTIONS.has(section)
    ? "agriculture-industry-construction"
    : "trade-services";
}
