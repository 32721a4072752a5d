import type { BudgetLine, FundingSource, PlanDocument, PlanTarget, StatedTotal } from "../plan-document.ts";

// Kế hoạch phát triển TMĐT tỉnh Đồng Tháp giai đoạn 2011–2015, Quyết định số 1096/QĐ-UBND.HC ngày
// 25/11/2010 (seeds/001). The decision (Điều 1) summarises the plan and the attached plan ("Kế hoạch kèm
// theo") gives it in full; both print a budget table, so each total is recorded once per place it appears.
//
// Entry choices:
// - Activity numbers: "1"–"12" are the rows of the budget table (the same in the decision and in the
//   plan). Activities of the plan's section II that have no budget row are numbered by their heading in
//   that section: "II.3", "II.4.a", "II.5.d", "II.5.e", "II.5.f". The budget rows map to section II as
//   1 → II.1, 2 → II.2.a, 3 → II.2.b, 4 → II.4.b, 5 → II.4.c, 6 → II.4.d, 7 → the second II.4.d (the plan
//   prints "d)" twice), 8–10 → II.5.a–c, 11 → II.6, 12 → II.7.
// - Targets: the plan's section I is the primary value and the decision's Điều 1 a variant where they
//   differ (2.b: 40% vs 20%; 2.d: 20% vs 70%). The plan is the text the activities and budget belong to,
//   and its 20% for specialised software matches the national plan (1073/QĐ-TTg sets 20% for large
//   enterprises), whereas 70% of all enterprises would exceed the national target.
// - Funding source: "provincial", "enterprise" and "central" only where the plan's cost tables say so
//   ("Tỉnh hỗ trợ", "Doanh nghiệp đóng góp", "Hỗ trợ từ trung ương", "EcomViet hỗ trợ"); every other line
//   is "unspecified" because the plan only lists the possible sources for the whole budget (mục III.2).
// - Costs the plan says EcomViet covers 100% without an amount (maintenance, training and technology
//   transfer in rows 4 and 5) have no budget line; the activity description says so.

const DECISION = "Quyết định, Điều 1";
const DECISION_BUDGET = `${DECISION}, mục “II. Nhu cầu và nguồn kinh phí”`;
const PLAN = "Kế hoạch kèm theo";
const PLAN_BUDGET = `${PLAN}, mục III.1`;

const UNIT_SCT = "SCT";
const UNIT_TTXT = "TTXTTMDT";
const UNIT_STTTT = "STTTT";
const UNIT_ECOMVIET = "ECOMVIET";

const percentTarget = (
  code: string,
  description: string,
  value: number,
  variants: PlanTarget["variants"] = [],
): PlanTarget => ({
  code,
  description,
  value,
  valueText: `${value}%`,
  unit: "%",
  comparator: "eq",
  targetYear: 2015,
  location: `${PLAN}, mục I.${code}`,
  variants,
});

type LineInput = {
  activityNumber: string;
  amountDong: bigint;
  source?: FundingSource;
  label?: string;
  unitPriceDong?: bigint;
  quantity?: number;
  quantityUnit?: string;
};

/** The plan budgets each activity for the whole period (2011–2015), so every line has year null. */
const line = (input: LineInput): BudgetLine => ({
  activityNumber: input.activityNumber,
  year: null,
  source: input.source ?? "unspecified",
  amountDong: input.amountDong,
  label: input.label ?? null,
  unitPriceDong: input.unitPriceDong ?? null,
  quantity: input.quantity ?? null,
  quantityUnit: input.quantityUnit ?? null,
});

/** Rows 1–12 of the budget table as printed; the decision's copy misprints row 12. */
const budgetTableRows = [
  "150.000.000",
  "102.000.000",
  "277.000.000",
  "210.000.000",
  "260.000.000",
  "75.000.000",
  "12.000.000",
  "300.000.000",
  "600.000.000",
  "650.000.000",
  "264.000.000",
  "150.000.000",
] as const;

const budgetTableTotals = (location: string, misprints: Record<string, string> = {}): StatedTotal[] => [
  ...budgetTableRows.map((printed, index) => {
    const key = String(index + 1);
    return {
      scope: "activity" as const,
      key,
      printed: misprints[key] ?? printed,
      printedUnit: "dong" as const,
      location,
    };
  }),
  { scope: "grand", key: "", printed: "3.050.000.000", printedUnit: "dong", location },
];

/** The "Kinh phí" paragraph or cost table under each activity in section II of the plan. */
const sectionTwoTotal = (key: string, printed: string, heading: string): StatedTotal => ({
  scope: "activity",
  key,
  printed,
  printedUnit: "dong",
  location: `${PLAN}, mục ${heading}, kinh phí`,
});

const costTableCell = (key: string, printed: string, heading: string): StatedTotal => ({
  scope: "activity-source",
  key,
  printed,
  printedUnit: "dong",
  location: `${PLAN}, mục ${heading}, bảng kinh phí, cột Cộng`,
});

export const dongThap2011: PlanDocument = {
  slug: "ke-hoach-tmdt-2011-2015",
  provinceCode: "87",
  title: "Kế hoạch phát triển thương mại điện tử tỉnh Đồng Tháp giai đoạn 2011-2015",
  titleEn: "E-commerce development plan of Dong Thap province, 2011-2015",
  periodStart: 2011,
  periodEnd: 2015,
  decisionNumber: "1096/QĐ-UBND.HC",
  decisionDate: "2010-11-25",
  issuer: "Ủy ban nhân dân tỉnh Đồng Tháp",
  signerName: "Nguyễn Văn Dương",
  signerTitle: "TM. ỦY BAN NHÂN DÂN TỈNH / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
  budgetDisplayUnit: "dong",
  summary:
    "Kế hoạch thực hiện qua 2 giai đoạn (2011 – 2012 và 2013 – 2015): triển khai pháp luật, tuyên truyền và tập huấn về thương mại điện tử; cung cấp trực tuyến dịch vụ công (mức độ 1 – 4); xây dựng hệ thống quản lý thông tin doanh nghiệp kết nối Cổng thông tin Xuất khẩu Việt Nam (VNEX) và hệ thống thu thập, quản lý trực tuyến thông tin xuất, nhập khẩu; khai thác Cổng thông tin Thị trường nước ngoài (TTNN) và bản tin thị trường hàng tháng; hỗ trợ doanh nghiệp về thư điện tử tên miền riêng, website, sàn giao dịch, e-business, TrustVn và marketing trực tuyến; nâng cấp sàn giao dịch thương mại điện tử của Tỉnh; khảo sát, học tập kinh nghiệm. Tổng kinh phí 3.050.000.000 đồng (kinh phí địa phương, doanh nghiệp và hỗ trợ từ trung ương).",
  units: [
    {
      code: UNIT_SCT,
      name: "Sở Công Thương",
      nameEn: "Department of Industry and Trade",
      kind: "provincial",
    },
    {
      code: UNIT_TTXT,
      name: "Trung tâm Xúc tiến Thương mại và Đầu tư",
      nameEn: "Trade and Investment Promotion Centre",
      kind: "provincial",
    },
    {
      code: UNIT_STTTT,
      name: "Sở Thông tin và Truyền thông",
      nameEn: "Department of Information and Communications",
      kind: "provincial",
    },
    { code: "SNV", name: "Sở Nội vụ", nameEn: "Department of Home Affairs", kind: "provincial" },
    {
      code: "SKHDT",
      name: "Sở Kế hoạch và Đầu tư",
      nameEn: "Department of Planning and Investment",
      kind: "provincial",
    },
    { code: "STC", name: "Sở Tài chính", nameEn: "Department of Finance", kind: "provincial" },
    {
      code: "SO-BAN-NGANH",
      name: "Các cơ quan cấp tỉnh liên quan",
      nameEn: "Other provincial agencies concerned",
      kind: "provincial",
    },
    {
      code: "UBND-HUYEN",
      name: "Ủy ban nhân dân các huyện, thị xã, thành phố",
      nameEn: "District-level People's Committees",
      kind: "provincial",
    },
    {
      code: UNIT_ECOMVIET,
      name: "Trung tâm Phát triển thương mại điện tử (EcomViet) thuộc Cục Thương mại điện tử và Công nghệ thông tin - Bộ Công Thương",
      nameEn: "E-commerce Development Centre (EcomViet), Ministry of Industry and Trade",
      kind: "central",
    },
    {
      code: "VCCI",
      name: "Phòng Thương mại và Công nghiệp Việt Nam",
      nameEn: "Vietnam Chamber of Commerce and Industry",
      kind: "other",
    },
  ],
  objectives: [
    {
      code: "1",
      title: "100% cán bộ quản lý nhà nước và doanh nghiệp biết đến lợi ích của thương mại điện tử",
      targets: [
        percentTarget(
          "1",
          "Cán bộ quản lý nhà nước và doanh nghiệp biết đến lợi ích của thương mại điện tử",
          100,
        ),
      ],
    },
    {
      code: "2",
      title:
        "55% doanh nghiệp tiến hành giao dịch thương mại điện tử loại hình doanh nghiệp với người tiêu dùng hoặc doanh nghiệp với doanh nghiệp",
      targets: [
        percentTarget(
          "2",
          "Doanh nghiệp tiến hành giao dịch thương mại điện tử loại hình doanh nghiệp với người tiêu dùng hoặc doanh nghiệp với doanh nghiệp",
          55,
        ),
        percentTarget(
          "2.a",
          "Doanh nghiệp sử dụng thư điện tử trong hoạt động giao dịch và trao đổi thông tin",
          100,
        ),
        percentTarget(
          "2.b",
          "Doanh nghiệp có trang thông tin điện tử, cập nhật định kỳ thông tin hoạt động và quảng bá sản phẩm của doanh nghiệp",
          40,
          [{ location: `${DECISION}, mục I.2.b`, valueText: "20%" }],
        ),
        percentTarget(
          "2.c",
          "Doanh nghiệp tham gia các website thương mại điện tử để mua bán các sản phẩm hàng hóa và dịch vụ liên quan tới hoạt động sản xuất, kinh doanh của doanh nghiệp",
          15,
        ),
        percentTarget(
          "2.d",
          "Doanh nghiệp ứng dụng các phần mềm chuyên dụng trong hoạt động quản lý sản xuất và kinh doanh",
          20,
          [{ location: `${DECISION}, mục I.2.d`, valueText: "70%" }],
        ),
      ],
    },
    {
      code: "3",
      title:
        "Bước đầu hình thành các tiện ích hỗ trợ người tiêu dùng tham gia thương mại điện tử loại hình doanh nghiệp với người tiêu dùng",
      targets: [
        percentTarget(
          "3.a",
          "Các siêu thị, trung tâm mua sắm và cơ sở phân phối hiện đại cho phép người tiêu dùng thanh toán không dùng tiền mặt khi mua hàng",
          50,
        ),
        percentTarget(
          "3.b",
          "Cơ sở kinh doanh phát triển các kênh giao dịch điện tử phục vụ người tiêu dùng",
          10,
        ),
      ],
    },
    {
      code: "4",
      // "điện hình" (for "điển hình") is printed so in both the decision and the plan.
      title:
        "Một số dịch vụ công điện hình liên quan tới hoạt động sản xuất, kinh doanh được cung cấp trực tuyến từ mức độ 2 trở lên",
      targets: [
        {
          code: "4",
          description:
            "Một số dịch vụ công điện hình liên quan tới hoạt động sản xuất, kinh doanh được cung cấp trực tuyến từ mức độ 2 trở lên",
          value: 2,
          valueText: "từ mức độ 2 trở lên",
          unit: "mức độ",
          comparator: "gte",
          targetYear: 2015,
          location: `${PLAN}, mục I.4`,
          variants: [],
        },
      ],
    },
  ],
  activities: [
    {
      number: "1",
      title: "Triển khai pháp luật về thương mại điện tử",
      description:
        "a) Tổ chức tuyên truyền trên địa bàn Tỉnh để cán bộ quản lý nhà nước, doanh nghiệp và công dân nắm vững các quy định của pháp luật về thương mại điện tử; b) Trong quá trình triển khai chính sách pháp luật về thương mại điện tử, kịp thời phản ánh những vướng mắc, khó khăn cũng như các quy định chưa hợp lý lên các cơ quan có thẩm quyền để sửa đổi, bổ sung cho phù hợp với thực tiễn; c) Tổ chức thực thi các quy định pháp luật liên quan tới thương mại điện tử trên địa bàn Tỉnh: tổ chức các hoạt động rà soát, kiểm tra hàng năm nhằm nắm vững tình hình phát triển thương mại điện tử trên địa bàn, làm cơ sở cho việc triển khai chính sách và thực thi pháp luật về thương mại điện tử tại địa phương; tổ chức những hoạt động thanh tra liên ngành về lĩnh vực thương mại điện tử tại địa phương. (Kế hoạch, mục II.1)",
      leadUnitCodes: [UNIT_SCT],
      coordinatingUnitCodes: [UNIT_ECOMVIET, UNIT_STTTT, UNIT_TTXT],
    },
    {
      number: "2",
      title: "Tổ chức các khóa tập huấn về thương mại điện tử cho cán bộ quản lý nhà nước",
      description:
        "Nội dung tuyên truyền chủ yếu bao gồm: tổng quan và lợi ích của thương mại điện tử; các mô hình thương mại điện tử trên thế giới; thương mại điện tử Việt Nam; hệ thống pháp luật về thương mại điện tử; các hoạt động thanh tra, kiểm tra, thống kê thương mại điện tử; lập kế hoạch triển khai thương mại điện tử; dịch vụ công trực tuyến; các kỹ năng khai thác, quản lý và cập nhật thông tin thương mại trực tuyến; đào tạo, tập huấn đội ngũ cán bộ thực thi bảo vệ quyền lợi người tiêu dùng, bảo vệ quyền sở hữu trí tuệ, chống cạnh tranh trong TMĐT. Số lớp: 01 lớp/năm x 05 năm = 05 lớp, mỗi lớp 50 người. (Kế hoạch, mục II.2.a)",
      leadUnitCodes: [UNIT_SCT, UNIT_TTXT],
      coordinatingUnitCodes: [UNIT_ECOMVIET, UNIT_STTTT],
    },
    {
      number: "3",
      title:
        "Tổ chức các khóa tập huấn chuyên sâu về kỹ năng thương mại điện tử cho doanh nghiệp trên địa bàn Tỉnh",
      description:
        "Nội dung tập huấn chủ yếu bao gồm: các mô hình thương mại điện tử trên thế giới và Việt Nam; lập kế hoạch ứng dụng và triển khai thương mại điện tử cho doanh nghiệp; các kỹ năng khai thác thông tin thương mại trực tuyến; các kỹ năng tìm kiếm khách hàng trên Internet; các doanh nghiệp triển khai và ứng dụng thương mại điện tử thành công; xây dựng và quản trị website thương mại điện tử; ứng dụng marketing trực tuyến; sàn giao dịch thương mại điện tử; xây dựng thương hiệu trên môi trường Internet. Số lớp: 02 lớp/năm x 05 năm = 10 lớp, mỗi lớp 100 người. (Kế hoạch, mục II.2.b)",
      leadUnitCodes: [UNIT_SCT, UNIT_TTXT],
      coordinatingUnitCodes: [UNIT_ECOMVIET, UNIT_STTTT],
    },
    {
      number: "II.3",
      title: "Cung cấp trực tuyến các dịch vụ công liên quan tới lĩnh vực công nghiệp và thương mại",
      description:
        "Xây dựng các hệ thống cung cấp trực tuyến các dịch vụ công: căn cứ trên kế hoạch cải cách hành chính của Ủy ban nhân dân Tỉnh, Sở Công Thương chủ động nghiên cứu, xây dựng các hệ thống phần mềm, phần cứng để chuyển các thủ tục cấp giấy phép hiện nay ở Sở lên môi trường trực tuyến, triển khai dịch vụ công ở mức độ 1, 2, 3 và 4 (Mức 1: có đầy đủ thông tin về quy trình thủ tục, các giấy tờ cần thiết; Mức 2: cho phép tải về các mẫu đơn, hồ sơ để in ra giấy; Mức 3: cho phép điền và gửi trực tuyến các mẫu đơn, hồ sơ; Mức 4: việc thanh toán chi phí được thực hiện trực tuyến, gửi và nhận kết quả qua đường bưu điện hoặc qua mạng); hướng tới cung cấp dịch vụ công trực tuyến tích hợp các công cụ chữ ký số, xác thực chữ ký số nhằm đảm bảo an toàn, bảo mật; tham khảo các kinh nghiệm triển khai và phối hợp với Trung tâm Phát triển thương mại điện tử (EcomViet) trong việc xây dựng hệ thống cung cấp trực tuyến các dịch vụ công. Kinh phí: Sở Công Thương chủ động lập đề án trình Ủy ban nhân dân Tỉnh phê duyệt (không có dòng trong bảng kinh phí). (Kế hoạch, mục II.3)",
      leadUnitCodes: [UNIT_SCT],
      coordinatingUnitCodes: [UNIT_ECOMVIET],
    },
    {
      number: "II.4.a",
      title:
        "Đề xuất thành lập Tổ chuyên viên phụ trách hỗ trợ doanh nghiệp triển khai quy trình kinh doanh theo mô hình B2C, B2B",
      description:
        "Sở Công Thương phối hợp với các Sở Nội vụ, Sở Thông tin và Truyền thông, Trung tâm Xúc tiến Thương mại và Đầu tư đề xuất thành lập Tổ chuyên viên phụ trách hỗ trợ doanh nghiệp triển khai quy trình kinh doanh theo mô hình B2C (Doanh nghiệp-Khách hàng), B2B (Doanh nghiệp-Doanh nghiệp) trình Ủy ban nhân dân Tỉnh xem xét, quyết định. (Kế hoạch, mục II.4.a, thuộc mục “Củng cố tổ chức, nâng cao hiệu quả và năng lực quản lý nhà nước về thương mại điện tử trên địa bàn Tỉnh”; không có dòng trong bảng kinh phí.)",
      leadUnitCodes: [UNIT_SCT],
      coordinatingUnitCodes: ["SNV", UNIT_STTTT, UNIT_TTXT],
    },
    {
      number: "4",
      title: "Xây dựng hệ thống quản lý thông tin doanh nghiệp trên địa bàn Tỉnh",
      description:
        "Hệ thống thông tin doanh nghiệp tại địa phương hiện chưa được quản lý và cập nhật một cách có hệ thống. Trung tâm Xúc tiến Thương mại và Đầu tư cần xây dựng các hệ thống quản lý trực tuyến thông tin doanh nghiệp trên địa bàn, kết nối với các huyện, thị, thành và với Cổng thông tin Xuất khẩu Việt Nam (VNEX) của Bộ Công Thương. Phí duy trì, cài đặt, hiệu chỉnh và phí đào tạo, chuyển giao công nghệ được Trung tâm Phát triển thương mại điện tử (EcomViet) hỗ trợ 100%. (Kế hoạch, mục II.4.b; Sở Công Thương được ghi ở cả đơn vị chủ trì và đơn vị phối hợp.)",
      leadUnitCodes: [UNIT_TTXT, UNIT_SCT],
      // As printed: Sở Công Thương is listed as both lead and coordinating unit of this activity.
      coordinatingUnitCodes: [UNIT_ECOMVIET, UNIT_SCT, UNIT_STTTT],
    },
    {
      number: "5",
      title: "Xây dựng hệ thống thu thập và quản lý trực tuyến thông tin xuất, nhập khẩu trên địa bàn Tỉnh",
      description:
        "Để tăng cường công tác chỉ đạo, điều hành, bám sát thực tế của lãnh đạo tỉnh, Trung tâm Xúc tiến Thương mại và Đầu tư cần chủ trì xây dựng hệ thống trực tuyến về thu thập, xử lý số liệu xuất, nhập khẩu. Phí duy trì, cài đặt, hiệu chỉnh và phí đào tạo, chuyển giao công nghệ được Trung tâm Phát triển thương mại điện tử hỗ trợ 100%. (Kế hoạch, mục II.4.c)",
      leadUnitCodes: [UNIT_TTXT],
      coordinatingUnitCodes: [UNIT_ECOMVIET, UNIT_SCT, UNIT_STTTT],
    },
    {
      number: "6",
      title:
        "Cung cấp, cập nhật thông tin về tiềm năng xuất khẩu của tỉnh và danh bạ doanh nghiệp xuất khẩu trên Cổng thông tin Xuất khẩu Việt Nam (VNEX)",
      description:
        "Cổng thông tin Xuất khẩu Việt Nam (VNEX) có địa chỉ vnex.com.vn là Cổng thông tin chính thống của Bộ Công Thương, cập nhật bằng tiếng Anh để giới thiệu tiềm năng xuất khẩu của Việt Nam và 63 tỉnh, thành phố trên cả nước; VNEX cung cấp cơ sở dữ liệu về các doanh nghiệp xuất khẩu của Việt Nam theo các lĩnh vực, ngành hàng. Sở Công Thương cần bố trí nguồn lực để thu thập, biên tập thông tin về tiềm năng xuất khẩu của địa phương và danh sách các doanh nghiệp xuất khẩu cập nhật lên VNEX. (Kế hoạch, mục II.4.d)",
      leadUnitCodes: [UNIT_SCT],
      coordinatingUnitCodes: [UNIT_ECOMVIET, UNIT_STTTT, UNIT_TTXT],
    },
    {
      number: "7",
      title: "Khai thác thông tin trên Cổng thông tin Thị trường nước ngoài (TTNN)",
      description:
        "Cổng thông tin Thị trường nước ngoài (TTNN) tại địa chỉ ttnn.com.vn cung cấp một cách có hệ thống thông tin thị trường nước ngoài về hầu hết các quốc gia và lãnh thổ trên thế giới, do các đơn vị của Bộ Công Thương và hệ thống trên 60 Thương vụ Việt Nam tại nước ngoài cung cấp. Sở Công Thương cần bố trí nhân lực, kinh phí khai thác thông tin trên TTNN, phổ biến cho doanh nghiệp, đồng thời giới thiệu, hướng dẫn doanh nghiệp truy cập, khai thác. Hàng tháng, trên cơ sở nguồn tin khai thác từ TTNN, Sở Công Thương chủ trì xây dựng bản tin điện tử cập nhật về tình hình thị trường để cung cấp cho doanh nghiệp xuất nhập khẩu trên địa bàn Tỉnh. (Kế hoạch, mục II.4, mục “d)” thứ hai)",
      leadUnitCodes: [UNIT_SCT],
      coordinatingUnitCodes: [UNIT_ECOMVIET, UNIT_TTXT, UNIT_STTTT],
    },
    {
      number: "8",
      title:
        "Hỗ trợ doanh nghiệp thiết lập và sử dụng hệ thống thư điện tử với tên miền dùng riêng của doanh nghiệp",
      description:
        "Thư điện tử là công cụ liên lạc, trao đổi thông tin, giao dịch trực tuyến có tốc độ cao, tin cậy, chi phí cực thấp. Sở Thông tin và Truyền thông cần chủ trì hỗ trợ và tư vấn cho doanh nghiệp ứng dụng các giải pháp điện toán đám mây trong triển khai hệ thống thư điện tử với tên miền riêng của doanh nghiệp. Mỗi năm tỉnh hỗ trợ 30 doanh nghiệp và 30 doanh nghiệp đóng góp. (Kế hoạch, mục II.5.a)",
      leadUnitCodes: [UNIT_STTTT],
      coordinatingUnitCodes: [UNIT_ECOMVIET, UNIT_SCT, UNIT_TTXT],
    },
    {
      number: "9",
      title: "Hỗ trợ doanh nghiệp xây dựng website thương mại điện tử",
      description:
        "Website thương mại điện tử đóng vai trò là công cụ xây dựng thương hiệu, quảng bá, kênh truyền thông và công cụ kinh doanh hiệu quả với chi phí thấp. Sở Thông tin và Truyền thông chủ trì, hỗ trợ doanh nghiệp có định hướng và hỗ trợ doanh nghiệp xây dựng website thương mại điện tử phù hợp với mô hình, sản phẩm của doanh nghiệp; tư vấn cho doanh nghiệp triển khai quy trình bán hàng trực tuyến, quy trình kinh doanh theo mô hình B2C tiên tiến trên thế giới, cách thức tích hợp công cụ thanh toán trực tuyến, cách thức quảng bá, marketing hiệu quả cho website. (Kế hoạch, mục II.5.b)",
      leadUnitCodes: [UNIT_STTTT],
      coordinatingUnitCodes: [UNIT_ECOMVIET, UNIT_SCT, UNIT_TTXT],
    },
    {
      number: "10",
      title: "Hỗ trợ doanh nghiệp tham gia các sàn giao dịch thương mại điện tử",
      description:
        "Hỗ trợ doanh nghiệp tham gia các sàn giao dịch thương mại điện tử như Cổng Thương mại điện tử quốc gia (ECVN) nhằm quảng bá thương hiệu và sản phẩm của doanh nghiệp: mỗi năm, lựa chọn 20 doanh nghiệp tiêu biểu có khả năng và mong muốn ứng dụng thương mại điện tử để hỗ trợ, tư vấn cách thức tham gia; hỗ trợ doanh nghiệp tìm kiếm đối tác thông qua việc khai thác các cơ hội giao thương hàng ngày; đào tạo kỹ năng quản trị gian hàng trực tuyến. (Kế hoạch, mục II.5.c)",
      leadUnitCodes: [UNIT_TTXT],
      coordinatingUnitCodes: [UNIT_ECOMVIET, UNIT_SCT, UNIT_STTTT],
    },
    {
      number: "II.5.d",
      title:
        "Hỗ trợ doanh nghiệp ứng dụng thương mại điện tử thông qua các công cụ kinh doanh điện tử (e-business)",
      description:
        "Để ứng dụng TMĐT một cách bài bản, hiệu quả, các doanh nghiệp cần tối ưu hóa hoạt động quản lý nội bộ thông qua các công cụ e-business như quản lý quan hệ khách hàng (CRM), hoạch định nguồn lực doanh nghiệp (ERP). Trung tâm Xúc tiến Thương mại và Đầu tư cần phổ biến, hướng dẫn các doanh nghiệp sử dụng, tích hợp các hệ thống này một cách có hiệu quả nhằm nâng cao năng lực quản lý nội bộ doanh nghiệp, qua đó giúp doanh nghiệp nâng cao năng lực cạnh tranh. (Kế hoạch, mục II.5.d; không có dòng trong bảng kinh phí.)",
      leadUnitCodes: [UNIT_TTXT],
      coordinatingUnitCodes: [UNIT_ECOMVIET],
    },
    {
      number: "II.5.e",
      title:
        "Hỗ trợ doanh nghiệp kinh doanh thương mại điện tử theo mô hình B2C xây dựng quy trình thu thập thông tin khách hàng thông qua chứng nhận website TMĐT uy tín (TrustVn)",
      description:
        "Trong hoạt động kinh doanh trực tuyến, website sẽ thu thập và sử dụng nhiều thông tin mà đôi khi khách hàng không muốn công khai. Bảo vệ những thông tin cá nhân sẽ giúp khách hàng yên tâm khi giao dịch với website. Những website được gắn nhãn tín nhiệm TrustVn được bảo đảm việc tuân thủ các nguyên tắc về bảo vệ thông tin cá nhân theo thông lệ quốc tế. Trung tâm Xúc tiến Thương mại và Đầu tư cần bồi dưỡng nguồn lực hỗ trợ doanh nghiệp xây dựng các chính sách bảo vệ thông tin cá nhân theo tiêu chuẩn quốc tế. (Kế hoạch, mục II.5.e; không có dòng trong bảng kinh phí.)",
      leadUnitCodes: [UNIT_TTXT],
      coordinatingUnitCodes: [UNIT_ECOMVIET],
    },
    {
      number: "II.5.f",
      title:
        "Hỗ trợ doanh nghiệp ứng dụng marketing trực tuyến nhằm xây dựng thương hiệu trên môi trường Internet",
      description:
        "Marketing trực tuyến đang là xu thế tiếp thị mới, phù hợp với các doanh nghiệp Việt Nam, đặc biệt là các doanh nghiệp vừa và nhỏ, với nhiều ưu điểm nổi trội như: chi phí thấp, tính tương tác cao, không bị giới hạn bởi không gian, thời gian và đặc biệt là khả năng nhắm đúng đối tượng mục tiêu. Trung tâm Xúc tiến Thương mại và Đầu tư cần định hướng và hỗ trợ doanh nghiệp xây dựng thương hiệu trên môi trường Internet thông qua marketing trực tuyến. (Kế hoạch, mục II.5.f; không có dòng trong bảng kinh phí.)",
      leadUnitCodes: [UNIT_TTXT],
      coordinatingUnitCodes: [UNIT_ECOMVIET],
    },
    {
      number: "11",
      title: "Nâng cấp sàn giao dịch thương mại điện tử của Tỉnh",
      description:
        "Nâng cấp sàn giao dịch điện tử của Tỉnh (1 năm) và duy trì hệ thống sàn giao dịch điện tử của Tỉnh trong 4 năm với sự hỗ trợ của EcomViet. (Kế hoạch, mục II.6)",
      leadUnitCodes: [UNIT_TTXT],
      coordinatingUnitCodes: [UNIT_ECOMVIET, "VCCI"],
    },
    {
      number: "12",
      title: "Khảo sát, học tập kinh nghiệm",
      description:
        "Tổ chức đoàn đi tham quan, khảo sát, học tập kinh nghiệm các địa phương xây dựng và triển khai kế hoạch thương mại điện tử đạt kết quả tốt, khảo sát một số doanh nghiệp ứng dụng thành công. (Kế hoạch, mục II.7)",
      leadUnitCodes: [UNIT_SCT],
      coordinatingUnitCodes: [UNIT_ECOMVIET, UNIT_STTTT, UNIT_TTXT],
    },
  ],
  budgetLines: [
    line({
      activityNumber: "1",
      amountDong: 150_000_000n,
      label: "30.000.000 VNĐ/năm x 5 năm",
      unitPriceDong: 30_000_000n,
      quantity: 5,
      quantityUnit: "năm",
    }),
    line({
      activityNumber: "2",
      amountDong: 102_000_000n,
      label: "20.400.000 VNĐ/lớp x 5 lớp",
      unitPriceDong: 20_400_000n,
      quantity: 5,
      quantityUnit: "lớp",
    }),
    line({
      activityNumber: "3",
      amountDong: 277_000_000n,
      label: "27.700.000 VNĐ/lớp x 10 lớp",
      unitPriceDong: 27_700_000n,
      quantity: 10,
      quantityUnit: "lớp",
    }),
    line({
      activityNumber: "4",
      amountDong: 150_000_000n,
      label: "Thiết kế hệ thống và lập trình phần mềm",
      unitPriceDong: 150_000_000n,
      quantity: 1,
    }),
    line({
      activityNumber: "4",
      amountDong: 60_000_000n,
      label: "Cập nhật cơ sở dữ liệu (tính theo hàng năm)",
      unitPriceDong: 15_000_000n,
      quantity: 4,
      quantityUnit: "năm",
    }),
    line({
      activityNumber: "5",
      amountDong: 120_000_000n,
      label: "Thiết kế hệ thống và lập trình phần mềm",
      unitPriceDong: 120_000_000n,
      quantity: 1,
    }),
    line({
      activityNumber: "5",
      amountDong: 140_000_000n,
      label: "Cập nhật cơ sở dữ liệu (tính theo hàng năm)",
      unitPriceDong: 35_000_000n,
      quantity: 4,
      quantityUnit: "năm",
    }),
    line({
      activityNumber: "6",
      amountDong: 75_000_000n,
      label: "15.000.000 VNĐ/năm x 05 năm",
      unitPriceDong: 15_000_000n,
      quantity: 5,
      quantityUnit: "năm",
    }),
    line({
      activityNumber: "7",
      amountDong: 12_000_000n,
      label: "200.000 VNĐ/tháng x 60 tháng",
      unitPriceDong: 200_000n,
      quantity: 60,
      quantityUnit: "tháng",
    }),
    line({
      activityNumber: "8",
      amountDong: 225_000_000n,
      source: "provincial",
      label: "Tỉnh hỗ trợ (mỗi năm hỗ trợ 30 doanh nghiệp)",
      unitPriceDong: 1_500_000n,
      quantity: 150,
      quantityUnit: "doanh nghiệp",
    }),
    line({
      activityNumber: "8",
      amountDong: 75_000_000n,
      source: "enterprise",
      label: "Doanh nghiệp đóng góp (mỗi năm có 30 doanh nghiệp đóng góp)",
      unitPriceDong: 500_000n,
      quantity: 150,
      quantityUnit: "doanh nghiệp",
    }),
    line({
      activityNumber: "9",
      amountDong: 480_000_000n,
      source: "provincial",
      label: "Tỉnh hỗ trợ kinh phí thiết kế ban đầu",
      unitPriceDong: 8_000_000n,
      quantity: 60,
      quantityUnit: "doanh nghiệp",
    }),
    line({
      activityNumber: "9",
      amountDong: 120_000_000n,
      source: "central",
      label: "Hỗ trợ từ trung ương thông qua Trung tâm Phát triển thương mại điện tử (EcomViet)",
      unitPriceDong: 2_000_000n,
      quantity: 60,
      quantityUnit: "doanh nghiệp",
    }),
    line({
      activityNumber: "10",
      amountDong: 350_000_000n,
      source: "provincial",
      label: "Tỉnh hỗ trợ (mỗi năm hỗ trợ 20 doanh nghiệp)",
      unitPriceDong: 3_500_000n,
      quantity: 100,
      quantityUnit: "doanh nghiệp",
    }),
    line({
      activityNumber: "10",
      amountDong: 300_000_000n,
      source: "enterprise",
      label: "Doanh nghiệp đóng góp (mỗi năm có 20 doanh nghiệp đóng góp)",
      unitPriceDong: 3_000_000n,
      quantity: 100,
      quantityUnit: "doanh nghiệp",
    }),
    line({
      activityNumber: "11",
      amountDong: 184_000_000n,
      label: "Nâng cấp sàn giao dịch điện tử của Tỉnh",
      unitPriceDong: 184_000_000n,
      quantity: 1,
      quantityUnit: "năm",
    }),
    line({
      activityNumber: "11",
      amountDong: 80_000_000n,
      source: "central",
      label: "Duy trì hệ thống sàn giao dịch điện tử của Tỉnh (EcomViet hỗ trợ)",
      unitPriceDong: 20_000_000n,
      quantity: 4,
    }),
    line({ activityNumber: "12", amountDong: 150_000_000n, label: "Kinh phí: 150.000.000 VNĐ" }),
  ],
  statedTotals: [
    {
      scope: "grand",
      key: "",
      printed: "3.050.000.000",
      printedUnit: "dong",
      location: `${DECISION_BUDGET}, 1. Nhu cầu`,
    },
    // The decision's table prints row 12 as "150.0000.000".
    ...budgetTableTotals(`${DECISION_BUDGET}, bảng kinh phí`, { "12": "150.0000.000" }),
    sectionTwoTotal("1", "150.000.000", "II.1.đ"),
    sectionTwoTotal("2", "102.000.000", "II.2.a"),
    sectionTwoTotal("3", "277.000.000", "II.2.b"),
    sectionTwoTotal("4", "210.000.000", "II.4.b"),
    sectionTwoTotal("5", "260.000.000", "II.4.c"),
    sectionTwoTotal("6", "75.000.000", "II.4.d (VNEX)"),
    sectionTwoTotal("7", "12.000.000", "II.4.d (TTNN)"),
    sectionTwoTotal("8", "300.000.000", "II.5.a"),
    sectionTwoTotal("9", "600.000.000", "II.5.b"),
    sectionTwoTotal("10", "650.000.000", "II.5.c"),
    sectionTwoTotal("11", "264.000.000", "II.6"),
    sectionTwoTotal("12", "150.000.000", "II.7"),
    costTableCell("8:provincial", "225.000.000", "II.5.a"),
    costTableCell("8:enterprise", "75.000.000", "II.5.a"),
    costTableCell("9:provincial", "480.000.000", "II.5.b"),
    costTableCell("9:central", "120.000.000", "II.5.b"),
    costTableCell("10:provincial", "350.000.000", "II.5.c"),
    costTableCell("10:enterprise", "300.000.000", "II.5.c"),
    costTableCell("11:central", "80.000.000", "II.6"),
    { scope: "grand", key: "", printed: "3.050.000.000", printedUnit: "dong", location: PLAN_BUDGET },
    ...budgetTableTotals(`${PLAN_BUDGET}, bảng kinh phí`),
  ],
  // Each spelling exactly as printed: "tỉ" in the decision's text, "tři" (ř) under both tables, "tis" in
  // the plan's text.
  statedWords: [
    { text: "Ba tỉ không trăm năm mươi triệu đồng chẵn", location: `${DECISION_BUDGET}, 1. Nhu cầu` },
    {
      text: "Ba tři không trăm năm mươi triệu đồng chẵn",
      location: `${DECISION_BUDGET}, dưới bảng kinh phí`,
    },
    { text: "Ba tis không trăm năm mươi triệu đồng chẵn", location: PLAN_BUDGET },
    { text: "Ba tři không trăm năm mươi triệu đồng chẵn", location: `${PLAN_BUDGET}, dưới bảng kinh phí` },
  ],
  decisionCitations: [
    {
      number: "1073/QĐ-UBND-HC",
      location: `${PLAN}, phần đầu (Ban hành kèm theo Quyết định số … ngày 25/11/2010)`,
    },
  ],
  assignments: [
    {
      unitCode: UNIT_SCT,
      duties: [
        "Phối hợp với các đơn vị có liên quan tổ chức triển khai thực hiện Kế hoạch (lập kế hoạch thực hiện chi tiết, cụ thể cho từng năm, kể cả dự toán kinh phí trình cấp có thẩm quyền phê duyệt), đảm bảo hoàn thành các mục tiêu đề ra; thực hiện thủ tục thanh toán, quyết toán theo quy định của Nhà nước (Quyết định, Điều 2).",
        "Chủ trì, phối hợp chặt chẽ với Trung tâm Phát triển thương mại điện tử (EcomViet), Cục Thương mại điện tử và Công nghệ thông tin, Sở Thông tin và Truyền thông, Trung tâm Xúc tiến Thương mại và Đầu tư triển khai thực hiện kế hoạch; hỗ trợ các doanh nghiệp, cơ sở sản xuất, kinh doanh ứng dụng thương mại điện tử, quảng bá thông tin lên mạng Internet.",
        "Tổ chức, kiểm tra, giám sát việc thực hiện kế hoạch. Tổng hợp, báo cáo Ủy ban nhân dân Tỉnh, Bộ Công Thương kết quả thực hiện theo đúng quy định.",
        "Chủ động xây dựng các kế hoạch chi tiết (bao gồm cả phương án tài chính) trình các cấp có thẩm quyền phê duyệt.",
      ],
    },
    {
      unitCode: "SKHDT",
      duties: [
        "Tham mưu, bố trí cân đối nguồn vốn hằng năm để đảm bảo nguồn kinh phí thực hiện Kế hoạch (cùng Sở Tài chính).",
      ],
    },
    {
      unitCode: "STC",
      duties: [
        "Tham mưu, bố trí cân đối nguồn vốn hằng năm để đảm bảo nguồn kinh phí thực hiện Kế hoạch (cùng Sở Kế hoạch và Đầu tư).",
      ],
    },
    {
      unitCode: "SO-BAN-NGANH",
      duties: ["Theo chức năng, nhiệm vụ tổ chức thực hiện tốt Kế hoạch."],
    },
    {
      unitCode: "UBND-HUYEN",
      duties: ["Theo chức năng, nhiệm vụ tổ chức thực hiện tốt Kế hoạch."],
    },
  ],
};
