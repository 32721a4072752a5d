/**
 * The category tree the provincial trading floor is seeded with. The 2011–2015 Bà Rịa – Vũng Tàu plan
 * (Decision 3023/QĐ-UBND) says the floor carries "xuất khẩu hải sản, máy móc, thiết bị công nghiệp,
 * nông sản, dịch vụ…"; the OCOP branch follows Decision 148/QĐ-TTg of 24/02/2023 (six product groups)
 * with sub-groups as described in Decision 919/QĐ-TTg of 01/08/2022 and the 148/2023 classification annex.
 *
 * Depth is 1-based: top-level groups are depth 1, and no node is deeper than `maxCategoryDepth`.
 */
export type Category = {
  /** Unique across the whole tree, lowercase ASCII and hyphens, so it can sit in a URL unescaped. */
  slug: string;
  nameVi: string;
  nameEn: string;
  children: readonly Category[];
};

export type FlatCategory = {
  slug: string;
  nameVi: string;
  nameEn: string;
  parentSlug: string | null;
  depth: number;
};

export const maxCategoryDepth = 3;

function category(slug: string, nameVi: string, nameEn: string, children: Category[] = []): Category {
  return { slug, nameVi, nameEn, children };
}

const seafood = category("thuy-san-xuat-khau", "Thủy sản xuất khẩu", "Export seafood", [
  category("tom", "Tôm", "Shrimp and prawns"),
  category("ca-tra-basa", "Cá tra, cá basa", "Pangasius (tra and basa catfish)"),
  category("muc-bach-tuoc", "Mực, bạch tuộc", "Squid and octopus"),
  category("ca-ngu", "Cá ngừ", "Tuna"),
  category("cua-ghe", "Cua, ghẹ", "Crabs"),
  category("nhuyen-the-hai-vo", "Nhuyễn thể hai mảnh vỏ", "Bivalve molluscs"),
  category("ca-bien-khac", "Cá biển khác", "Other marine fish"),
  category("thuy-san-kho", "Thủy sản khô", "Dried seafood"),
]);

const agriculture = category("nong-san", "Nông sản", "Agricultural products", [
  category("gao", "Gạo", "Rice"),
  category("ca-phe", "Cà phê", "Coffee"),
  category("ho-tieu", "Hồ tiêu", "Black pepper"),
  category("hat-dieu", "Hạt điều", "Cashew nuts"),
  category("trai-cay", "Trái cây", "Fruit"),
  category("rau-cu", "Rau củ", "Vegetables"),
  category("cao-su", "Cao su", "Natural rubber"),
  category("khoai-mi", "Khoai mì (sắn)", "Cassava"),
]);

const processedFood = category("thuc-pham-che-bien", "Thực phẩm chế biến", "Processed food", [
  category("thuy-san-che-bien", "Thủy sản chế biến", "Processed seafood"),
  category("nuoc-mam-gia-vi", "Nước mắm, gia vị", "Fish sauce and condiments"),
  category("banh-keo", "Bánh kẹo", "Confectionery and bakery"),
  category("do-hop", "Đồ hộp", "Canned food"),
  category("do-uong", "Đồ uống", "Beverages"),
]);

const machinery = category(
  "may-moc-thiet-bi",
  "Máy móc, thiết bị công nghiệp",
  "Industrial machinery and equipment",
  [
    category("may-che-bien", "Máy chế biến nông, thủy sản", "Food and seafood processing machinery"),
    category("thiet-bi-dien", "Thiết bị điện", "Electrical equipment"),
    category("thiet-bi-dau-khi", "Thiết bị dầu khí, hàng hải", "Oil, gas and marine equipment"),
    category("phu-tung-co-khi", "Phụ tùng cơ khí", "Mechanical parts"),
    category("phuong-tien-van-tai", "Phương tiện vận tải", "Vehicles"),
  ],
);

const construction = category("vat-lieu-xay-dung", "Vật liệu xây dựng", "Construction materials", [
  category("xi-mang", "Xi măng", "Cement"),
  category("sat-thep", "Sắt thép", "Iron and steel"),
  category("gach-ngoi-gom", "Gạch, ngói, gốm xây dựng", "Bricks, tiles and ceramics"),
  category("da-cat", "Đá, cát xây dựng", "Stone and sand"),
]);

const chemicals = category("hoa-chat-phan-bon", "Hóa chất, phân bón", "Chemicals and fertilisers", [
  category("phan-bon", "Phân bón", "Fertilisers"),
  category("hoa-chat-cong-nghiep", "Hóa chất công nghiệp", "Industrial chemicals"),
  category("nhua-hat-nhua", "Nhựa, hạt nhựa", "Plastics and resins"),
]);

const textiles = category("det-may-da-giay", "Dệt may, da giày", "Textiles, garments and footwear", [
  category("vai-soi", "Vải, sợi", "Yarn and fabrics"),
  category("quan-ao", "Quần áo", "Garments"),
  category("giay-dep", "Giày dép", "Footwear"),
  category("tui-xach", "Túi xách, vali", "Bags and luggage"),
]);

const handicrafts = category("thu-cong-my-nghe", "Thủ công mỹ nghệ", "Handicrafts", [
  category("may-tre-dan", "Mây tre đan", "Rattan and bamboo ware"),
  category("go-my-nghe", "Đồ gỗ mỹ nghệ, nội thất", "Wooden handicrafts and furniture"),
  category("gom-su", "Gốm sứ", "Pottery and porcelain"),
  category("theu-ren-det-tho-cam", "Thêu ren, dệt thổ cẩm", "Embroidery and brocade"),
]);

const services = category("dich-vu", "Logistics và dịch vụ", "Logistics and services", [
  category("van-tai", "Vận tải", "Transport"),
  category("kho-bai", "Kho bãi", "Warehousing"),
  category("giao-nhan-hai-quan", "Giao nhận, khai báo hải quan", "Freight forwarding and customs brokerage"),
  category("du-lich", "Du lịch", "Tourism"),
  category("dich-vu-doanh-nghiep", "Dịch vụ doanh nghiệp", "Business services"),
]);

// Decision 148/QĐ-TTg, Art. 1(1)(a): six OCOP product groups. Sub-groups: Decision 919/QĐ-TTg 2022, section on
// product groups; the food sub-groups use the names of the 148/2023 classification annex.
const ocop = category("ocop", "Sản phẩm OCOP", "OCOP products (One Commune One Product)", [
  category("ocop-thuc-pham", "Thực phẩm", "Food", [
    category("ocop-thuc-pham-tuoi-song", "Thực phẩm tươi sống", "Fresh food"),
    category("ocop-thuc-pham-tho-so-che", "Thực phẩm thô, sơ chế", "Raw and preliminarily processed food"),
    category("ocop-thuc-pham-che-bien", "Thực phẩm chế biến", "Processed food"),
    category("ocop-thuc-pham-khac", "Thực phẩm khác", "Other food"),
  ]),
  category("ocop-do-uong", "Đồ uống", "Beverages", [
    category("ocop-do-uong-co-con", "Đồ uống có cồn", "Alcoholic beverages"),
    category("ocop-do-uong-khong-con", "Đồ uống không cồn", "Non-alcoholic beverages"),
  ]),
  category("ocop-duoc-lieu", "Dược liệu và sản phẩm từ dược liệu", "Medicinal herbs and herbal products", [
    category(
      "ocop-thuc-pham-chuc-nang-thuoc",
      "Thực phẩm chức năng, thuốc từ dược liệu",
      "Health supplements and herbal medicines",
    ),
    category("ocop-my-pham-thao-duoc", "Mỹ phẩm từ thảo dược", "Herbal cosmetics"),
    category(
      "ocop-tinh-dau-duoc-lieu-khac",
      "Tinh dầu và dược liệu khác",
      "Essential oils and other herbal products",
    ),
  ]),
  category("ocop-thu-cong-my-nghe", "Hàng thủ công mỹ nghệ", "Handicrafts", [
    category("ocop-tcmn-go", "Sản phẩm từ gỗ", "Wooden products"),
    category(
      "ocop-tcmn-soi-tu-nhien",
      "Sản phẩm từ sợi tự nhiên, mây tre",
      "Natural fibre, rattan and bamboo products",
    ),
    category("ocop-tcmn-gom-su", "Gốm sứ", "Ceramics"),
    category("ocop-tcmn-kim-loai", "Sản phẩm từ kim loại", "Metalware"),
    category("ocop-tcmn-det-may-theu-ren", "Dệt may, thêu ren", "Textiles and embroidery"),
  ]),
  category("ocop-sinh-vat-canh", "Sinh vật cảnh", "Ornamental plants and animals", [
    category("ocop-hoa", "Hoa", "Flowers"),
    category("ocop-cay-canh", "Cây cảnh", "Ornamental plants"),
    category("ocop-dong-vat-canh", "Động vật cảnh", "Ornamental animals"),
  ]),
  category(
    "ocop-du-lich",
    "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
    "Community tourism, ecotourism and tourist attractions",
    [
      category("ocop-du-lich-cong-dong", "Du lịch cộng đồng", "Community-based tourism"),
      category("ocop-du-lich-sinh-thai", "Du lịch sinh thái", "Ecotourism"),
      category("ocop-diem-du-lich", "Điểm du lịch", "Tourist attractions"),
    ],
  ),
]);

export const categoryTree: readonly Category[] = [
  seafood,
  agriculture,
  processedFood,
  machinery,
  construction,
  chemicals,
  textiles,
  handicrafts,
  services,
  ocop,
];

/** Depth-first, parents before their children, in tree order. */
export function flattenCategories(tree: readonly Category[] = categoryTree): FlatCategory[] {
  const flat: FlatCategory[] = [];
  const visit = (nodes: readonly Category[], parentSlug: string | null, depth: number): void => {
    for (const { slug, nameVi, nameEn, children } of nodes) {
      flat.push({ slug, nameVi, nameEn, parentSlug, depth });
      visit(children, slug, depth + 1);
    }
  };
  visit(tree, null, 1);
  return flat;
}

export function findCategory(slug: string): FlatCategory | undefined {
  return flattenCategories().find((entry) => entry.slug === slug);
}
