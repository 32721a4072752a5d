import type { BudgetLine, PlanDocument, PlanTarget } from "../plan-document.ts";

// Kế hoạch phát triển TMĐT tỉnh Bà Rịa – Vũng Tàu giai đoạn 2021–2025, ban hành kèm theo Quyết định số
// 93/QĐ-UBND ngày 14/01/2021 của Chủ tịch UBND tỉnh (seeds/002; the decision prints the number "93 /QĐ-UBND").
//
// Entry choices:
// - Activities "1"–"5" are the five contents of section II. The plan budgets by source and year only
//   (mục III), so budget lines have activityNumber null. The detailed list of activities is in an appendix
//   ("theo phụ lục đính kèm") that the document we hold does not contain.
// - Section IV tells Sở Công Thương to lead the plan, so SCT leads every activity; a coordinating unit is
//   listed only where its duty in section IV clearly serves that activity. The duties themselves are in
//   `assignments`, one entry per heading of section IV (heading 12 names two groups, so it gives two).
// - Units are an agency register, not quotations: both Bà Rịa – Vũng Tàu plans give a shared unit the same
//   code, name and kind (the portal keeps one unit per code and province). Offices of a ministry in the
//   province (Cục Thuế, Cục Hải quan, Cục Thống kê, Cục Quản lý thị trường, the State Bank branch, Công an
//   tỉnh) are kind "central".
// - Targets without a year of their own are due by the end of the plan, 2025. The comparator records the
//   wording: "trên 80%" → gt, "từ 60% trở lên" → gte, "khoảng 1.000" → about, "100%" → eq.

const MILLION = 1_000_000n;
const PLAN = "Kế hoạch kèm theo Quyết định";
const BUDGET_TABLE = `${PLAN}, mục III.1, bảng kinh phí`;

const target = (
  input: Omit<PlanTarget, "variants" | "targetYear"> & { targetYear?: number },
): PlanTarget => ({
  ...input,
  targetYear: input.targetYear ?? 2025,
  variants: [],
});

const qualitative = (code: string, description: string, location: string): PlanTarget =>
  target({ code, description, value: null, valueText: null, unit: null, comparator: null, location });

/** Mục III, "Đơn vị tính: triệu đồng"; "-" cells (central, 2022–2025) have no line. */
const budgetLine = (year: number, source: "central" | "provincial", amountDong: bigint): BudgetLine => ({
  activityNumber: null,
  year,
  source,
  amountDong,
  label: null,
  unitPriceDong: null,
  quantity: null,
  quantityUnit: null,
});

export const baRiaVungTau2021: PlanDocument = {
  slug: "ke-hoach-tmdt-2021-2025",
  provinceCode: "77",
  title: "Kế hoạch phát triển thương mại điện tử tỉnh Bà Rịa – Vũng Tàu giai đoạn 2021-2025",
  titleEn: "E-commerce development plan of Ba Ria – Vung Tau province, 2021-2025",
  periodStart: 2021,
  periodEnd: 2025,
  decisionNumber: "93/QĐ-UBND",
  decisionDate: "2021-01-14",
  issuer: "Chủ tịch Ủy ban nhân dân tỉnh Bà Rịa – Vũng Tàu",
  signerName: "Lê Ngọc Khanh",
  signerTitle: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
  budgetDisplayUnit: "million",
  summary:
    "Kế hoạch triển khai Quyết định số 645/QĐ-TTg: tuyên truyền, phổ biến về thương mại điện tử; đào tạo khoảng 1.000 lượt người; hỗ trợ doanh nghiệp, hợp tác xã xây dựng website và gian hàng trên các sàn thương mại điện tử lớn; điều tra, thống kê hằng năm; khảo sát, học tập kinh nghiệm. Mục tiêu đến năm 2025: 100% siêu thị chấp nhận thẻ, 80% đơn vị cung cấp điện, nước, viễn thông chấp nhận thanh toán không dùng tiền mặt, trên 80% thủ tục hành chính trực tuyến mức độ 3, 4 (từ 60% trở lên mức độ 4), 100% văn bản được ký số. Tổng kinh phí 2.224,5 triệu đồng (trung ương 300, tỉnh 1.924,5).",
  units: [
    { code: "SCT", name: "Sở Công Thương", nameEn: "Department of Industry and Trade", kind: "provincial" },
    {
      code: "STTTT",
      name: "Sở Thông tin và Truyền thông",
      nameEn: "Department of Information and Communications",
      kind: "provincial",
    },
    {
      code: "SKHCN",
      name: "Sở Khoa học và Công nghệ",
      nameEn: "Department of Science and Technology",
      kind: "provincial",
    },
    { code: "STC", name: "Sở Tài chính", nameEn: "Department of Finance", kind: "provincial" },
    {
      code: "SKHDT",
      name: "Sở Kế hoạch và Đầu tư",
      nameEn: "Department of Planning and Investment",
      kind: "provincial",
    },
    {
      code: "SNNPTNT",
      name: "Sở Nông nghiệp và Phát triển nông thôn",
      nameEn: "Department of Agriculture and Rural Development",
      kind: "provincial",
    },
    { code: "CAT", name: "Công an tỉnh", nameEn: "Provincial Police", kind: "central" },
    { code: "CTHUE", name: "Cục Thuế tỉnh", nameEn: "Provincial Tax Department", kind: "central" },
    { code: "CHQ", name: "Cục Hải quan tỉnh", nameEn: "Provincial Customs Department", kind: "central" },
    {
      code: "NHNN",
      name: "Ngân hàng Nhà nước Việt Nam – Chi nhánh Bà Rịa – Vũng Tàu",
      nameEn: "State Bank of Vietnam, Ba Ria – Vung Tau branch",
      kind: "central",
    },
    {
      code: "QLTT",
      name: "Cục Quản lý thị trường",
      nameEn: "Market Surveillance Department",
      kind: "central",
    },
    {
      code: "SO-BAN-NGANH",
      name: "Các sở, ban, ngành",
      nameEn: "Provincial departments and agencies",
      kind: "provincial",
    },
    {
      code: "UBND-HUYEN",
      name: "Ủy ban nhân dân các huyện, thị xã, thành phố",
      nameEn: "District-level People's Committees",
      kind: "provincial",
    },
    {
      code: "DN-HIEP-HOI",
      name: "Các doanh nghiệp, hiệp hội, ngành hàng",
      nameEn: "Enterprises, business and industry associations",
      kind: "other",
    },
    {
      code: "ECOMVIET",
      name: "Trung tâm Phát triển thương mại điện tử (EcomViet), Bộ Công Thương",
      nameEn: "E-commerce Development Centre (EcomViet), Ministry of Industry and Trade",
      kind: "central",
    },
  ],
  objectives: [
    {
      code: "1",
      title: "Mục tiêu chung",
      targets: [
        qualitative(
          "1",
          "Triển khai và thực hiện đồng bộ các giải pháp phát triển thương mại điện tử (TMĐT) trên địa bàn tỉnh phù hợp với tình hình phát triển chung của cả nước, đưa thương mại điện tử trở thành một trong những lĩnh vực tiên phong của nền kinh tế số, đẩy mạnh ứng dụng thương mại điện tử để tăng hiệu quả kinh doanh, đẩy mạnh phát triển thị trường trong nước và xuất khẩu, góp phần hiện đại hóa ngành thương mại, mở rộng thị trường giao dịch, nâng cao năng lực cạnh tranh của tỉnh và phát triển bền vững trong thời kỳ hội nhập.",
          `${PLAN}, mục I.1`,
        ),
      ],
    },
    {
      code: "2.a",
      title: "Về hạ tầng thương mại điện tử",
      targets: [
        qualitative(
          "2.a.1",
          "Tăng cường hỗ trợ doanh nghiệp sử dụng các mô hình thương mại điện tử B2C, B2B, B2G, ...",
          `${PLAN}, mục I.2.a`,
        ),
        target({
          code: "2.a.2",
          description:
            "Doanh nghiệp ứng dụng một trong các công cụ hỗ trợ kết nối giao tiếp như Email, Facebook, Zalo, Messenger, Viber, Whatsapp, Skype,... trong hỗ trợ hoạt động của doanh nghiệp",
          value: 100,
          valueText: "100%",
          unit: "%",
          comparator: "eq",
          location: `${PLAN}, mục I.2.a`,
        }),
        qualitative(
          "2.a.3",
          "Áp dụng phổ biến chữ ký số và chứng thực chữ ký số để đảm bảo an toàn và bảo mật cho các giao dịch thương mại điện tử",
          `${PLAN}, mục I.2.a`,
        ),
      ],
    },
    {
      code: "2.b",
      title: "Về nguồn nhân lực cho thương mại điện tử",
      targets: [
        qualitative(
          "2.b.1",
          "Đào tạo phát triển nguồn nhân lực thương mại điện tử, qua đó nâng cao năng lực và kỹ năng cho nguồn nhân lực thực hiện thương mại điện tử tại các cơ quan quản lý nhà nước, các doanh nghiệp, hợp tác xã và cơ sở sản xuất kinh doanh cũng như cộng đồng trên địa bàn tỉnh",
          `${PLAN}, mục I.2.b`,
        ),
        target({
          code: "2.b.2",
          description:
            "Cán bộ quản lý nhà nước, doanh nghiệp, hợp tác xã, cơ sở sản xuất, kinh doanh, sinh viên, thanh niên khởi nghiệp được tham gia các khóa đào tạo, tập huấn, bồi dưỡng ngắn hạn về kỹ năng ứng dụng thương mại điện tử",
          value: 1000,
          valueText: "khoảng 1.000 lượt",
          unit: "lượt người",
          comparator: "about",
          location: `${PLAN}, mục I.2.b`,
        }),
      ],
    },
    {
      code: "2.c",
      title: "Về ứng dụng thương mại điện tử trong doanh nghiệp",
      targets: [
        target({
          code: "2.c.1",
          description:
            "Các siêu thị, trung tâm thương mại và cơ sở phân phối hiện đại thực hiện lắp đặt thiết bị chấp nhận thẻ thanh toán, cho phép người tiêu dùng thanh toán không dùng tiền mặt khi mua hàng",
          value: 100,
          valueText: "100%",
          unit: "%",
          comparator: "eq",
          location: `${PLAN}, mục I.2.c`,
        }),
        target({
          code: "2.c.2",
          description:
            "Các đơn vị cung cấp điện, nước, viễn thông chấp nhận hình thức thanh toán hóa đơn sử dụng dịch vụ của cá nhân, tổ chức, hộ gia đình qua các hình thức thanh toán không dùng tiền mặt",
          value: 80,
          valueText: "80%",
          unit: "%",
          comparator: "eq",
          location: `${PLAN}, mục I.2.c`,
        }),
        qualitative(
          "2.c.3",
          "Tiếp tục duy trì và phát triển các sàn giao dịch thương mại điện tử của tỉnh, tiến tới liên kết với các đơn vị có liên quan, kết nối với các sàn thương mại điện tử có uy tín trong và ngoài nước",
          `${PLAN}, mục I.2.c`,
        ),
      ],
    },
    {
      code: "2.d",
      title: "Về ứng dụng thương mại điện tử trong cơ quan nhà nước",
      targets: [
        target({
          code: "2.d.1",
          description:
            "Số thủ tục hành chính trên địa bàn tỉnh được triển khai dưới hình thức dịch vụ công trực tuyến mức độ 3, 4",
          value: 80,
          valueText: "trên 80%",
          unit: "%",
          comparator: "gt",
          location: `${PLAN}, mục I.2.d`,
        }),
        target({
          code: "2.d.2",
          description: "Số lượng thủ tục dịch vụ công trực tuyến mức độ 4",
          value: 60,
          valueText: "từ 60% trở lên",
          unit: "%",
          comparator: "gte",
          location: `${PLAN}, mục I.2.d`,
        }),
        target({
          code: "2.d.3",
          description:
            "Đẩy mạnh sử dụng chữ ký điện tử, chứng thư điện tử trong cơ quan nhà nước: các văn bản ban hành được ký số cá nhân, tổ chức",
          value: 100,
          valueText: "100%",
          unit: "%",
          comparator: "eq",
          location: `${PLAN}, mục I.2.d`,
        }),
      ],
    },
  ],
  activities: [
    {
      number: "1",
      title: "Tuyên truyền, phổ biến, nâng cao nhận thức về thương mại điện tử",
      description:
        "Tổ chức tuyên truyền, phổ biến, nâng cao nhận thức và kỹ năng ứng dụng thương mại điện tử cho cộng đồng thông qua tổ chức hội nghị, phương tiện thông tin đại chúng như: Đài Phát thanh, Đài Phát thanh Truyền hình Bà Rịa – Vũng Tàu, Báo Bà Rịa – Vũng Tàu; trên các kênh thông tin như: Cổng Thông tin điện tử tỉnh Bà Rịa - Vũng Tàu, trang thông tin điện tử của các sở, ngành, UBND các huyện, thị xã, thành phố; ấn phẩm, tập san, bản tin nhằm quảng bá, cung cấp thông tin về pháp luật TMĐT. Từ đó nâng cao hiểu biết về các quy định của pháp luật trong lĩnh vực thương mại điện tử, đồng thời là cơ sở để tiếp nhận phản ánh, những vướng mắc, khó khăn cũng như các quy định chưa hợp lý đến các cơ quan có thẩm quyền để sửa đổi, bổ sung cho phù hợp với thực tiễn.",
      leadUnitCodes: ["SCT"],
      // IV.2: STTTT works with the press on public awareness; IV.12: departments and districts publicise.
      coordinatingUnitCodes: ["STTTT", "SO-BAN-NGANH", "UBND-HUYEN"],
    },
    {
      number: "2",
      title:
        "Đào tạo, phát triển nguồn nhân lực thương mại điện tử và nâng cao năng lực quản lý, tổ chức hoạt động thương mại điện tử",
      description:
        "Đào tạo nâng cao nhận thức và kỹ năng cho các doanh nghiệp, hộ kinh doanh, sinh viên, thanh niên khởi nghiệp và các cán bộ quản lý nhà nước về thương mại điện tử, hiểu được những tác dụng tích cực mà công nghệ cũng như thương mại điện tử mang lại, cách thức ứng dụng thương mại điện tử vào hoạt động sản xuất kinh doanh; từ đó làm thay đổi thói quen tập quán kinh doanh, giúp doanh nghiệp tăng khả năng mở rộng thị trường, giảm chi phí tiếp thị, bán hàng và cung ứng, tăng cường mối liên hệ với khách hàng và các kỹ năng cần thiết trong việc quản lý, giám sát, thanh, kiểm tra hoạt động về thương mại điện tử. (Thương mại điện tử đang là điểm sáng của cuộc CMCN 4.0 tại Việt Nam với tốc độ phát triển cao từ 20 - 30% mỗi năm, kéo theo nhu cầu nguồn nhân lực cao có trình độ về công nghệ thông tin và TMĐT.)",
      leadUnitCodes: ["SCT"],
      // IV.2: STTTT helps train enterprises; IV.12: departments and districts train their staff.
      coordinatingUnitCodes: ["STTTT", "SO-BAN-NGANH", "UBND-HUYEN"],
    },
    {
      number: "3",
      title: "Phát triển các sản phẩm, giải pháp thương mại điện tử",
      description:
        "a) Hỗ trợ các doanh nghiệp, hợp tác xã, hộ kinh doanh xây dựng website thương mại điện tử phù hợp với mô hình, sản phẩm của doanh nghiệp và xây dựng, tham gia gian hàng trên các sàn thương mại điện tử lớn trong nước và quốc tế. b) Xây dựng gian hàng của tỉnh trên một số sàn thương mại điện tử lớn trong nước và quốc tế, tổ chức các gian hàng Việt là nơi tập trung các thương hiệu uy tín, có hàm lượng nội địa hóa cao, được cơ quan quản lý nhà nước thẩm định và đảm bảo về nguồn gốc xuất xứ sản phẩm trên các sàn thương mại điện tử lớn của Việt Nam và thế giới. c) Việc hỗ trợ sẽ ưu tiên thực hiện đối với các doanh nghiệp trong một số ngành sản xuất và dịch vụ chính, các ngành hàng xuất khẩu chủ lực nhằm tăng cường khả năng phân phối lưu thông hàng hóa, nâng cao năng lực cạnh tranh của doanh nghiệp từ đó nhân rộng các mô hình ứng dụng thương mại điện tử thành công sang các lĩnh vực khác.",
      leadUnitCodes: ["SCT"],
      // IV.2 (support enterprises), IV.3 (start-ups), IV.6 (agricultural products), IV.13 (take part).
      coordinatingUnitCodes: ["STTTT", "SKHCN", "SNNPTNT", "DN-HIEP-HOI"],
    },
    {
      number: "4",
      title: "Tổ chức điều tra, khảo sát, thống kê về tình hình ứng dụng thương mại điện tử",
      description:
        "Định kỳ hàng năm tổ chức điều tra thu thập số liệu về tình hình ứng dụng CNTT, thương mại điện tử trên địa bàn tỉnh để nắm bắt kịp thời thực trạng và xu hướng phát triển để tham mưu cho UBND tỉnh giải pháp quản lý hiệu quả lĩnh vực thương mại điện tử.",
      leadUnitCodes: ["SCT"],
      // IV.5: Sở Kế hoạch và Đầu tư provides the register of e-commerce enterprises.
      coordinatingUnitCodes: ["SKHDT"],
    },
    {
      number: "5",
      title: "Khảo sát, học tập kinh nghiệm",
      description:
        "Tổ chức đoàn tham quan, học tập kinh nghiệm các địa phương xây dựng và triển khai thực hiện thương mại điện tử đạt kết quả tốt; khảo sát một số doanh nghiệp ứng dụng thành công TMĐT trong hoạt động sản xuất kinh doanh để xây dựng phương án áp dụng vào điều kiện thực tiễn của địa phương; tham gia các khóa tập huấn, hội nghị ngắn hạn để nâng cao năng lực quản lý và phát triển thương mại điện tử.",
      leadUnitCodes: ["SCT"],
      coordinatingUnitCodes: [],
    },
  ],
  budgetLines: [
    budgetLine(2021, "central", 300n * MILLION),
    budgetLine(2021, "provincial", 244_500_000n),
    budgetLine(2022, "provincial", 590n * MILLION),
    budgetLine(2023, "provincial", 290n * MILLION),
    budgetLine(2024, "provincial", 460n * MILLION),
    budgetLine(2025, "provincial", 340n * MILLION),
  ],
  statedTotals: [
    { scope: "grand", key: "", printed: "2.224,5", printedUnit: "million", location: `${PLAN}, mục III.1` },
    {
      scope: "source",
      key: "central",
      printed: "300",
      printedUnit: "million",
      location: `${PLAN}, mục III.1`,
    },
    {
      scope: "source",
      key: "provincial",
      printed: "1.924,5",
      printedUnit: "million",
      location: `${PLAN}, mục III.1`,
    },
    {
      scope: "source",
      key: "central",
      printed: "300",
      printedUnit: "million",
      location: `${BUDGET_TABLE}, cột Tổng cộng`,
    },
    {
      scope: "source",
      key: "provincial",
      printed: "1.924,5",
      printedUnit: "million",
      location: `${BUDGET_TABLE}, cột Tổng cộng`,
    },
    ...(
      [
        ["2021", "544,5"],
        ["2022", "590"],
        ["2023", "290"],
        ["2024", "460"],
        ["2025", "340"],
      ] as const
    ).map(([key, printed]) => ({
      scope: "year" as const,
      key,
      printed,
      printedUnit: "million" as const,
      location: `${BUDGET_TABLE}, dòng Tổng cộng`,
    })),
    {
      scope: "grand",
      key: "",
      printed: "2.224,5",
      printedUnit: "million",
      location: `${BUDGET_TABLE}, dòng Tổng cộng`,
    },
  ],
  statedWords: [],
  decisionCitations: [
    { number: "93/QĐ-UBND", location: `${PLAN}, phần đầu (Ban hành kèm theo Quyết định số …)` },
  ],
  assignments: [
    {
      unitCode: "SCT",
      duties: [
        "Chủ trì, phối hợp với các cơ quan có liên quan tổ chức thực hiện Kế hoạch phát triển thương mại điện tử tỉnh Bà Rịa - Vũng Tàu giai đoạn 2021-2025.",
        "Hàng năm, xây dựng kế hoạch và dự toán kinh phí phát triển thương mại điện tử gửi Sở Tài chính để tổng hợp vào phương án phân bổ ngân sách trình cơ quan có thẩm quyền xem xét, quyết định theo quy định của Luật ngân sách nhà nước.",
        "Phối hợp chặt chẽ với Trung tâm phát triển thương mại điện tử - Cục Thương mại điện tử và kinh tế số (Bộ Công Thương) và các cơ quan có liên quan tổ chức triển khai thực hiện có hiệu quả nội dung của kế hoạch.",
        "Hàng năm tổng hợp báo cáo UBND tỉnh kết quả thực hiện và xây dựng Kế hoạch dự toán triển khai phát triển thương mại điện tử tỉnh Bà Rịa – Vũng Tàu năm tiếp theo; chủ trì phối hợp với các đơn vị liên quan tham mưu UBND tỉnh tổng kết, đánh giá thực hiện Kế hoạch này.",
      ],
    },
    {
      unitCode: "STTTT",
      duties: [
        "Triển khai đồng bộ kế hoạch này với hoạt động ứng dụng công nghệ thông tin của tỉnh giai đoạn 2021-2025, gắn kết phát triển thương mại điện tử với phát triển Chính quyền số của tỉnh.",
        "Phối hợp với Sở Công Thương hỗ trợ các sở, ngành, doanh nghiệp ứng dụng công nghệ thông tin và thương mại điện tử; phối hợp hỗ trợ đào tạo các kỹ năng và tư vấn cho doanh nghiệp về các nội dung có liên quan đến công nghệ thông tin và thương mại điện tử.",
        "Xây dựng và hoàn thiện các nền tảng, hạ tầng kỹ thuật đảm bảo an toàn thông tin, định danh và xác định điện tử trong các hoạt động thương mại điện tử theo quy định, hướng dẫn của Bộ Thông tin và Truyền thông.",
        "Phối hợp với cơ quan báo chí, truyền thông tuyên truyền nâng cao nhận thức của cộng đồng về thương mại điện tử.",
      ],
    },
    {
      unitCode: "SKHCN",
      duties: [
        "Phối hợp với Sở Công Thương và các sở ban ngành có liên quan triển khai hướng dẫn các cơ chế chính sách để khuyến khích hoạt động nghiên cứu, chuyển giao công nghệ trong thương mại điện tử.",
        "Xây dựng và triển khai chính sách hỗ trợ doanh nghiệp; hỗ trợ doanh nghiệp, cá nhân khởi nghiệp triển khai các ứng dụng thương mại điện tử, ứng dụng công nghệ tiên tiến.",
      ],
    },
    {
      unitCode: "STC",
      duties: [
        // "bổ trí" is printed so (for "bố trí").
        "Chủ trì, phối hợp với Sở Công Thương thẩm định và tham mưu cấp có thẩm quyền bổ trí kinh phí để thực hiện các nhiệm vụ thuộc kế hoạch phát triển thương mại điện tử tỉnh Bà Rịa – Vũng Tàu giai đoạn 2021-2025 theo quy định.",
      ],
    },
    {
      unitCode: "SKHDT",
      duties: [
        "Cung cấp cơ sở dữ liệu doanh nghiệp đăng ký hoạt động trong lĩnh vực thương mại điện tử trên địa bàn tỉnh.",
        "Tiếp tục triển khai hướng dẫn thực hiện các quy định của pháp luật về đấu thầu qua mạng nhằm đảm bảo công khai, minh bạch, tăng hiệu quả việc lựa chọn nhà thầu.",
      ],
    },
    {
      unitCode: "SNNPTNT",
      duties: [
        "Phối hợp với Sở Công Thương trong việc hỗ trợ doanh nghiệp, hợp tác xã, cơ sở ứng dụng thương mại điện tử trong quảng bá và xây dựng thương hiệu cho mặt hàng nông sản trên địa bàn tỉnh.",
      ],
    },
    {
      unitCode: "CAT",
      duties: [
        "Chủ trì, thực hiện các biện pháp phòng ngừa, phát hiện và xử lý kịp thời hành vi vi phạm pháp luật thương mại điện tử, thanh toán điện tử và các hành vi vi phạm khác trên môi trường mạng.",
        "Tiếp tục nghiên cứu, đề xuất giải pháp xử lý nhóm tội phạm công nghệ cao; tổ chức triển khai Luật An toàn thông tin mạng, Luật An ninh mạng và Bộ luật hình sự năm 2015, được sửa đổi và bổ sung một số điều năm 2017.",
        "Tăng cường công tác tuyên truyền, giáo dục, phổ biến pháp luật trong lĩnh vực công nghệ thông tin đối với quần chúng nhân dân, nhất là các trường phổ thông, đại học và cao đẳng.",
        "Tăng cường công tác phòng ngừa loại tội phạm công nghệ cao, đồng thời sửa dụng các biện pháp nghiệp vụ để ngăn chặn các vụ truy cập trái phép, lây lan virus, lấy cắp, mã hóa dữ liệu; phòng ngừa bảo vệ cho các server, website, cơ sở dữ liệu bằng các thiết bị an ninh mạng (phần cứng), các phần mềm chống virus, spyware, spam...",
      ],
    },
    {
      unitCode: "CTHUE",
      duties: [
        "Tiếp tục mở rộng triển khai dịch vụ nộp thuế điện tử, khai thuế qua mạng internet, sử dụng hóa đơn điện tử, phối hợp các ngân hàng đẩy mạnh công tác tổ chức tập huấn, tuyên truyền đa dạng hóa các kênh thu nộp thuế như: thanh toán qua POS, qua ATM...",
        "Triển khai thực hiện các đề án hiện đại hóa công tác quản lý thuế, công tác thu nộp ngân sách nhà nước.",
        "Tiếp tục thực hiện công khai thông tin liên quan trực tiếp để hỗ trợ người nộp thuế trong việc thực hiện chính sách pháp luật về thuế.",
        "Lựa chọn, đưa các doanh nghiệp thuộc lĩnh vực kinh doanh thương mại điện tử theo chuyên đề để tiến hành thanh tra, kiểm tra thuế.",
      ],
    },
    {
      unitCode: "CHQ",
      duties: [
        "Tiếp tục mở rộng triển khai dịch vụ hải quan điện tử, đẩy mạnh cung cấp các dịch vụ công mức độ 4 thuộc lĩnh vực hải quan.",
        "Thực hiện cơ chế một cửa quốc gia và kết nối cơ chế một cửa ASEAN, phối hợp với các đơn vị triển khai thực hiện kết nối trao đổi thông tin giữa cơ quan hải quan với các cơ quan quản lý nhà nước, các ngân hàng thương mại và các doanh nghiệp hoạt động trong lĩnh vực logistics, bảo hiểm và các dịch vụ khác.",
      ],
    },
    {
      unitCode: "NHNN",
      duties: [
        "Triển khai đầy đủ, kịp thời đến các chi nhánh tổ chức tín dụng (TCTD) trên địa bàn các cơ chế chính sách thúc đẩy phát triển thanh toán điện tử để hỗ trợ cho giao dịch thương mại điện tử.",
        "Chỉ đạo các chi nhánh TCTD trên địa bàn tỉnh chuẩn bị sẵn sàng và đồng bộ cơ sở hạ tầng kết nối hoạt động thanh toán, giới thiệu các dịch vụ ứng dụng trên nền tảng di động phục vụ nhu cầu giao dịch điện tử của tổ chức và cá nhân.",
        "Chỉ đạo các chi nhánh TCTD trên địa bàn tiếp tục tuyên truyền, quảng bá, vận động, hướng dẫn các hình thức thanh toán điện tử; phối hợp chặt chẽ với các cơ quan chức năng, tăng cường các quy định và biện pháp đảm bảo an ninh, an toàn, bảo mật, đấu tranh phòng ngừa, ngăn chặn và xử lý các hành vi vi phạm pháp luật trong hoạt động thanh toán điện tử.",
      ],
    },
    {
      unitCode: "QLTT",
      duties: [
        "Tăng cường công tác kiểm tra, kiểm soát thị trường, xử lý các hành vi buôn lậu, gian lận thương mại, buôn bán hàng giả, hàng vi phạm quyền sở hữu trí tuệ và cạnh tranh không lành mạnh trong thương mại điện tử.",
      ],
    },
    ...(["SO-BAN-NGANH", "UBND-HUYEN"] as const).map((unitCode) => ({
      unitCode,
      duties: [
        "Phối hợp với các đơn vị liên quan triển khai thực hiện việc tuyên truyền, phổ biến, đào tạo cho đội ngũ cán bộ, công chức, viên chức và cộng đồng doanh nghiệp của đơn vị và trên địa bàn; chủ động xây dựng kế hoạch thực hiện ở địa phương, đơn vị mình hàng năm báo cáo tình hình, kết quả thực hiện qua Sở Công Thương để tổng hợp báo cáo cơ quan cấp trên.",
      ],
    })),
    {
      unitCode: "DN-HIEP-HOI",
      duties: [
        "Tích cực tham gia các chương trình, đề án của các cơ quan nhà nước trong hoạt động phát triển thương mại điện tử; chủ động triển khai ứng dụng thương mại điện tử trong các hoạt động sản xuất, kinh doanh của đơn vị.",
      ],
    },
  ],
};
