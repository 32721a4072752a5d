/**
 * HS codes as used in the Vietnamese export/import nomenclature (Danh mục hàng hóa xuất khẩu, nhập khẩu Việt Nam,
 * Circular 31/2022/TT-BTC, AHTN 2022 based): 2-digit chapter, 4-digit heading, 6-digit HS subheading and
 * 8-digit national tariff line. A listing may give a heading, a subheading or a full line.
 */
export type HsCode = {
  /** Digits only, as entered: 4, 6 or 8 of them. */
  code: string;
  chapter: string;
  heading: string;
  subheading: string | null;
};

export type HsCodeParseResult =
  | ({ ok: true } & HsCode)
  | { ok: false; reason: "format" | "length" | "chapter" };

// Chapter 77 is reserved in the Harmonized System for possible future use; 98 and above are not HS chapters
// (Vietnam's chapter 98 belongs to the preferential tariff schedule, not to the nomenclature).
const reservedChapter = 77;
const lastChapter = 97;

/** Accepts "0306", "030617", "03061711", "0306.17.11" and "0306 17 11". */
export function parseHsCode(input: string): HsCodeParseResult {
  const trimmed = input.trim();
  if (!/^\d+(?:[. ]\d+)*$/.test(trimmed)) return { ok: false, reason: "format" };
  const code = trimmed.replace(/[. ]/g, "");
  if (code.length !== 4 && code.length !== 6 && code.length !== 8) return { ok: false, reason: "length" };
  const chapter = code.slice(0, 2);
  const chapterNumber = Number(chapter);
  if (chapterNumber < 1 || chapterNumber > lastChapter || chapterNumber === reservedChapter) {
    return { ok: false, reason: "chapter" };
  }
  return {
    ok: true,
    code,
    chapter,
    heading: code.slice(0, 4),
    subheading: code.length >= 6 ? code.slice(0, 6) : null,
  };
}

export type HsChapterName = { vi: string; en: string };

// Chapter titles of the Vietnamese nomenclature (vi) and the HS (en), for the chapters the floor's products use.
const chapterNames: Readonly<Record<string, HsChapterName>> = {
  "03": {
    vi: "Cá và động vật giáp xác, động vật thân mềm và động vật thủy sinh không xương sống khác",
    en: "Fish and crustaceans, molluscs and other aquatic invertebrates",
  },
  "07": {
    vi: "Rau và một số loại củ, thân củ và rễ ăn được",
    en: "Edible vegetables and certain roots and tubers",
  },
  "08": {
    vi: "Quả và quả hạch (nuts) ăn được; vỏ quả thuộc họ cam quýt hoặc các loại dưa",
    en: "Edible fruit and nuts; peel of citrus fruit or melons",
  },
  "09": { vi: "Cà phê, chè, chè Paragoay và các loại gia vị", en: "Coffee, tea, maté and spices" },
  "10": { vi: "Ngũ cốc", en: "Cereals" },
  "11": {
    vi: "Các sản phẩm xay xát; malt; tinh bột; inulin; gluten lúa mì",
    en: "Products of the milling industry; malt; starches; inulin; wheat gluten",
  },
  "16": {
    vi: "Các chế phẩm từ thịt, cá, động vật giáp xác, động vật thân mềm hoặc động vật thủy sinh không xương sống khác, hoặc từ côn trùng",
    en: "Preparations of meat, of fish, of crustaceans, molluscs or other aquatic invertebrates, or of insects",
  },
  "19": {
    vi: "Chế phẩm từ ngũ cốc, bột, tinh bột hoặc sữa; các loại bánh",
    en: "Preparations of cereals, flour, starch or milk; pastrycooks' products",
  },
  "20": {
    vi: "Các chế phẩm từ rau, quả, quả hạch (nuts) hoặc các phần khác của cây",
    en: "Preparations of vegetables, fruit, nuts or other parts of plants",
  },
  "21": { vi: "Các chế phẩm ăn được khác", en: "Miscellaneous edible preparations" },
  "22": { vi: "Đồ uống, rượu và giấm", en: "Beverages, spirits and vinegar" },
  "40": { vi: "Cao su và các sản phẩm bằng cao su", en: "Rubber and articles thereof" },
  "44": { vi: "Gỗ và các mặt hàng bằng gỗ; than từ gỗ", en: "Wood and articles of wood; wood charcoal" },
  "46": {
    vi: "Sản phẩm làm từ rơm, cỏ giấy hoặc từ các loại vật liệu tết bện khác; các sản phẩm bằng liễu gai và song mây",
    en: "Manufactures of straw, of esparto or of other plaiting materials; basketware and wickerwork",
  },
  "52": { vi: "Bông", en: "Cotton" },
  "53": {
    vi: "Xơ dệt gốc thực vật khác; sợi giấy và vải dệt thoi từ sợi giấy",
    en: "Other vegetable textile fibres; paper yarn and woven fabrics of paper yarn",
  },
  "54": {
    vi: "Sợi filament nhân tạo; dải và các dạng tương tự từ vật liệu dệt nhân tạo",
    en: "Man-made filaments; strip and the like of man-made textile materials",
  },
  "55": { vi: "Xơ sợi staple nhân tạo", en: "Man-made staple fibres" },
  "56": {
    vi: "Mền xơ, phớt và các sản phẩm không dệt; các loại sợi đặc biệt; sợi xe, chão bện, thừng và cáp và các sản phẩm của chúng",
    en: "Wadding, felt and nonwovens; special yarns; twine, cordage, ropes and cables and articles thereof",
  },
  "57": { vi: "Thảm và các loại hàng dệt trải sàn khác", en: "Carpets and other textile floor coverings" },
  "58": {
    vi: "Các loại vải dệt thoi đặc biệt; các loại vải dệt chần sợi vòng; hàng ren; thảm trang trí; hàng trang trí; hàng thêu",
    en: "Special woven fabrics; tufted textile fabrics; lace; tapestries; trimmings; embroidery",
  },
  "59": {
    vi: "Các loại vải dệt đã được ngâm tẩm, tráng, phủ hoặc ép lớp; các mặt hàng dệt thích hợp dùng trong công nghiệp",
    en: "Impregnated, coated, covered or laminated textile fabrics; textile articles of a kind suitable for industrial use",
  },
  "60": { vi: "Các loại hàng dệt kim hoặc móc", en: "Knitted or crocheted fabrics" },
  "61": {
    vi: "Quần áo và hàng may mặc phụ trợ, dệt kim hoặc móc",
    en: "Articles of apparel and clothing accessories, knitted or crocheted",
  },
  "62": {
    vi: "Quần áo và các hàng may mặc phụ trợ, không dệt kim hoặc móc",
    en: "Articles of apparel and clothing accessories, not knitted or crocheted",
  },
  "63": {
    vi: "Các mặt hàng dệt đã hoàn thiện khác; bộ vải; quần áo dệt và các loại hàng dệt đã qua sử dụng khác; vải vụn",
    en: "Other made up textile articles; sets; worn clothing and worn textile articles; rags",
  },
  "64": {
    vi: "Giày, dép, ghệt và các sản phẩm tương tự; các bộ phận của các sản phẩm trên",
    en: "Footwear, gaiters and the like; parts of such articles",
  },
  "68": {
    vi: "Sản phẩm làm bằng đá, thạch cao, xi măng, amiăng, mica hoặc các vật liệu tương tự",
    en: "Articles of stone, plaster, cement, asbestos, mica or similar materials",
  },
  "69": { vi: "Đồ gốm, sứ", en: "Ceramic products" },
  "84": {
    vi: "Lò phản ứng hạt nhân, nồi hơi, máy và thiết bị cơ khí; các bộ phận của chúng",
    en: "Nuclear reactors, boilers, machinery and mechanical appliances; parts thereof",
  },
  "85": {
    vi: "Máy điện và thiết bị điện và các bộ phận của chúng; máy ghi và tái tạo âm thanh, máy ghi và tái tạo hình ảnh và âm thanh truyền hình, và các bộ phận và phụ kiện của các loại máy trên",
    en: "Electrical machinery and equipment and parts thereof; sound recorders and reproducers, television image and sound recorders and reproducers, and parts and accessories of such articles",
  },
  "87": {
    vi: "Xe trừ phương tiện chạy trên đường sắt hoặc đường tàu điện, và các bộ phận và phụ kiện của chúng",
    en: "Vehicles other than railway or tramway rolling-stock, and parts and accessories thereof",
  },
  "94": {
    vi: "Đồ nội thất; bộ đồ giường, đệm, khung đệm, nệm và các đồ dùng nhồi tương tự; đèn và bộ đèn, chưa được chi tiết hoặc ghi ở nơi khác; biển hiệu được chiếu sáng, biển đề tên được chiếu sáng và các loại tương tự; nhà lắp ghép",
    en: "Furniture; bedding, mattresses, mattress supports, cushions and similar stuffed furnishings; luminaires and lighting fittings, not elsewhere specified or included; illuminated signs, illuminated name-plates and the like; prefabricated buildings",
  },
};

export const namedHsChapters: readonly string[] = Object.keys(chapterNames).sort();

/** The chapter's title, or undefined for chapters the floor does not list (accepts "3" or "03"). */
export function hsChapterName(chapter: string): HsChapterName | undefined {
  return chapterNames[chapter.padStart(2, "0")];
}
