// The three support programmes of Đồng Tháp's e-commerce plan 2011–2015 (Decision 1096/QĐ-UBND.HC of
// 25/11/2010, plan section II.5.a–c; seeds/001 part 5), offered as online "procedures" of kind `subsidy`.
// Amounts and quotas are the plan's cost tables; the provincial line of each table pays the subsidy.
import type { ComponentDraft } from "../version-draft.ts";
import type { CatalogueEntry } from "./catalogue-entry.ts";

/** Seeded only where the portal's scope holds this plan (the current Đồng Tháp, successor of former 87). */
export const SUBSIDY_PLAN_DECISION = "1096/QĐ-UBND.HC";

const planBasis = (section: string) => [
  `Quyết định số 1096/QĐ-UBND.HC ngày 25/11/2010 của Ủy ban nhân dân tỉnh Đồng Tháp phê duyệt Kế hoạch phát triển thương mại điện tử tỉnh Đồng Tháp giai đoạn 2011-2015 (Kế hoạch, mục ${section})`,
];

const applicationForm: ComponentDraft = {
  name: "Đơn đề nghị hỗ trợ",
  nameEn: "Application for support",
  copyKind: "original",
  quantity: 1,
  required: true,
  templateName: "Mẫu đơn do Sở Công Thương hướng dẫn (Kế hoạch không ban hành mẫu)",
};

const registration: ComponentDraft = {
  name: "Giấy chứng nhận đăng ký doanh nghiệp",
  nameEn: "Enterprise registration certificate",
  copyKind: "copy",
  quantity: 1,
  required: true,
  templateName: null,
};

const review = (unit: "trade" | "promotion") =>
  [{ id: "xet-chon", name: "Xét chọn doanh nghiệp được hỗ trợ", unit, workingDays: 12 }] as [
    { id: string; name: string; unit: "trade" | "promotion"; workingDays: number },
  ];

export const subsidyProgrammes: CatalogueEntry[] = [
  {
    code: "DTP.TMDT.01",
    kind: "subsidy",
    name: "Hỗ trợ doanh nghiệp thiết lập và sử dụng hệ thống thư điện tử với tên miền dùng riêng",
    nameEn: "Support for enterprises to set up e-mail on their own domain name",
    field: "thuong-mai-dien-tu",
    unit: "trade",
    level: 3,
    onlineClass: "partial",
    applicantKinds: ["enterprise"],
    description:
      "Tỉnh hỗ trợ 1.500.000 đồng cho mỗi doanh nghiệp thiết lập hệ thống thư điện tử với tên miền riêng (giải pháp điện toán đám mây); doanh nghiệp đóng góp 500.000 đồng. Mỗi năm hỗ trợ 30 doanh nghiệp, cả giai đoạn 150 doanh nghiệp; tổng kinh phí 300.000.000 đồng (tỉnh 225.000.000 đồng, doanh nghiệp 75.000.000 đồng). Đơn vị chủ trì theo Kế hoạch: Sở Thông tin và Truyền thông; Sở Công Thương phối hợp.",
    descriptionEn:
      "The province pays 1,500,000 đồng per enterprise setting up e-mail on its own domain (cloud solution); the enterprise contributes 500,000 đồng. 30 enterprises a year, 150 over the period; 300,000,000 đồng in all (province 225,000,000, enterprises 75,000,000). Lead unit in the plan: Department of Information and Communications, with the Department of Industry and Trade.",
    processingWorkingDays: 15,
    steps: review("trade"),
    fees: [],
    legalBasis: planBasis("II.5.a"),
    resultType: "decision",
    resultName: "Quyết định hỗ trợ doanh nghiệp",
    resultNameEn: "Decision granting the support",
    resultValidityMonths: null,
    questions: [
      {
        id: "ten-mien",
        kind: "text",
        label: "Tên miền của doanh nghiệp",
        labelEn: "The enterprise's domain name",
        hint: "Ví dụ: congtyabc.vn",
        hintEn: "For example: congtyabc.vn",
        required: true,
        maxLength: 253,
      },
      {
        id: "so-hop-thu",
        kind: "number",
        label: "Số hộp thư dự kiến",
        labelEn: "Number of mailboxes planned",
        required: true,
        min: 1,
        max: 10_000,
      },
    ],
    components: [
      applicationForm,
      registration,
      {
        name: "Giấy chứng nhận đăng ký tên miền của doanh nghiệp",
        nameEn: "Domain name registration certificate",
        copyKind: "copy",
        quantity: 1,
        required: true,
        templateName: null,
      },
      {
        name: "Cam kết đóng góp phần kinh phí của doanh nghiệp (500.000 đồng)",
        nameEn: "Commitment to the enterprise's contribution (500,000 đồng)",
        copyKind: "original",
        quantity: 1,
        required: true,
        templateName: null,
      },
    ],
    subsidy: {
      terms: {
        amountPerEnterpriseDong: 1_500_000,
        enterpriseContributionDong: 500_000,
        quotaPerYear: 30,
        quotaTotal: 150,
        centralAmountPerEnterpriseDong: 0,
      },
      planActivityNumber: "8",
    },
  },
  {
    code: "DTP.TMDT.02",
    kind: "subsidy",
    name: "Hỗ trợ doanh nghiệp xây dựng website thương mại điện tử",
    nameEn: "Support for enterprises to build an e-commerce website",
    field: "thuong-mai-dien-tu",
    unit: "trade",
    level: 3,
    onlineClass: "partial",
    applicantKinds: ["enterprise"],
    description:
      "Tỉnh hỗ trợ 8.000.000 đồng kinh phí thiết kế ban đầu cho mỗi doanh nghiệp xây dựng website thương mại điện tử; trung ương hỗ trợ thêm 2.000.000 đồng qua Trung tâm Phát triển thương mại điện tử (EcomViet). 60 doanh nghiệp trong giai đoạn; tổng kinh phí 600.000.000 đồng (tỉnh 480.000.000 đồng, trung ương 120.000.000 đồng). Kèm tư vấn quy trình bán hàng trực tuyến theo mô hình B2C, tích hợp thanh toán trực tuyến, quảng bá website.",
    descriptionEn:
      "The province pays 8,000,000 đồng of the initial design of each enterprise's e-commerce website; the central government adds 2,000,000 đồng through the E-commerce Development Centre (EcomViet). 60 enterprises over the period; 600,000,000 đồng in all (province 480,000,000, central 120,000,000). With advice on B2C online sales, online payment and promotion.",
    processingWorkingDays: 15,
    steps: review("trade"),
    fees: [],
    legalBasis: planBasis("II.5.b"),
    resultType: "decision",
    resultName: "Quyết định hỗ trợ doanh nghiệp",
    resultNameEn: "Decision granting the support",
    resultValidityMonths: null,
    questions: [
      {
        id: "ten-mien",
        kind: "text",
        label: "Tên miền dự kiến của website",
        labelEn: "Intended domain name of the website",
        required: true,
        maxLength: 253,
      },
      {
        id: "mo-hinh",
        kind: "select",
        label: "Mô hình kinh doanh của website",
        labelEn: "Business model of the website",
        required: true,
        options: [
          {
            value: "b2c",
            label: "Bán hàng cho người tiêu dùng (B2C)",
            labelEn: "Business to consumer (B2C)",
          },
          { value: "b2b", label: "Giao dịch giữa doanh nghiệp (B2B)", labelEn: "Business to business (B2B)" },
          {
            value: "gioi-thieu",
            label: "Giới thiệu doanh nghiệp, sản phẩm",
            labelEn: "Company and product showcase",
          },
        ],
      },
    ],
    components: [
      applicationForm,
      registration,
      {
        name: "Phương án xây dựng website (chức năng, sản phẩm, đơn vị thiết kế, chi phí dự kiến)",
        nameEn: "Website plan (features, products, designer, expected cost)",
        copyKind: "original",
        quantity: 1,
        required: true,
        templateName: null,
      },
    ],
    subsidy: {
      terms: {
        amountPerEnterpriseDong: 8_000_000,
        enterpriseContributionDong: 0,
        quotaPerYear: null,
        quotaTotal: 60,
        centralAmountPerEnterpriseDong: 2_000_000,
      },
      planActivityNumber: "9",
    },
  },
  {
    code: "DTP.TMDT.03",
    kind: "subsidy",
    name: "Hỗ trợ doanh nghiệp tham gia các sàn giao dịch thương mại điện tử",
    nameEn: "Support for enterprises to join e-commerce trading floors",
    field: "thuong-mai-dien-tu",
    unit: "promotion",
    level: 3,
    onlineClass: "partial",
    applicantKinds: ["enterprise"],
    description:
      "Mỗi năm lựa chọn 20 doanh nghiệp tiêu biểu có khả năng và mong muốn ứng dụng thương mại điện tử để hỗ trợ, tư vấn tham gia các sàn giao dịch thương mại điện tử như Cổng Thương mại điện tử quốc gia (ECVN), khai thác cơ hội giao thương, đào tạo kỹ năng quản trị gian hàng trực tuyến. Tỉnh hỗ trợ 3.500.000 đồng, doanh nghiệp đóng góp 3.000.000 đồng cho mỗi doanh nghiệp; 100 doanh nghiệp trong giai đoạn; tổng kinh phí 650.000.000 đồng (tỉnh 350.000.000 đồng, doanh nghiệp 300.000.000 đồng). Đơn vị chủ trì: Trung tâm Xúc tiến Thương mại và Đầu tư.",
    descriptionEn:
      "Each year 20 leading enterprises able and willing to use e-commerce are helped to join e-commerce trading floors such as the national ECVN portal, use daily trade leads and run an online storefront. The province pays 3,500,000 đồng and the enterprise contributes 3,000,000 đồng each; 100 enterprises over the period; 650,000,000 đồng in all (province 350,000,000, enterprises 300,000,000). Lead unit: the Trade and Investment Promotion Centre.",
    processingWorkingDays: 15,
    steps: review("promotion"),
    fees: [],
    legalBasis: planBasis("II.5.c"),
    resultType: "decision",
    resultName: "Quyết định hỗ trợ doanh nghiệp",
    resultNameEn: "Decision granting the support",
    resultValidityMonths: null,
    questions: [
      {
        id: "san-du-kien",
        kind: "text",
        label: "Sàn giao dịch thương mại điện tử dự kiến tham gia",
        labelEn: "E-commerce floor the enterprise intends to join",
        required: true,
        maxLength: 200,
      },
      {
        id: "so-san-pham",
        kind: "number",
        label: "Số sản phẩm dự kiến đưa lên sàn",
        labelEn: "Number of products to list",
        required: false,
        min: 1,
        max: 100_000,
      },
    ],
    components: [
      applicationForm,
      registration,
      {
        name: "Cam kết đóng góp phần kinh phí của doanh nghiệp (3.000.000 đồng)",
        nameEn: "Commitment to the enterprise's contribution (3,000,000 đồng)",
        copyKind: "original",
        quantity: 1,
        required: true,
        templateName: null,
      },
    ],
    subsidy: {
      terms: {
        amountPerEnterpriseDong: 3_500_000,
        enterpriseContributionDong: 3_000_000,
        quotaPerYear: 20,
        quotaTotal: 100,
        centralAmountPerEnterpriseDong: 0,
      },
      planActivityNumber: "10",
    },
  },
];
