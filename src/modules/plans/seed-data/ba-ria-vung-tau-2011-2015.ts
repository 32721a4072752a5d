import type { BudgetLine, PlanDocument, PlanTarget } from "../plan-document.ts";

// Kế hoạch phát triển TMĐT tỉnh Bà Rịa – Vũng Tàu giai đoạn 2011–2015, ban hành kèm theo Quyết định số
// 3023/QĐ-UBND ngày 16/11/2010 (seeds/000). Text is quoted from the document; figures are as printed.
//
// Entry choices (the document is silent on these, so we record what it says and no more):
// - The copy we hold has no signature block, so the signer is recorded as not printed.
// - Section IV has no per-activity units. Điều 2 gives Sở Công thương the task of carrying the plan out
//   and following up the other agencies, so SCT leads every activity; coordinating units are only those
//   a paragraph of section IV names.
// - Activities "1"–"8" are the rows of the budget table (mục V). Section IV contents with no budget row
//   (IV.1, IV.2.c, IV.3.c) are kept as activities numbered by their section so no task is lost.
// - Units are an agency register, not quotations: both Bà Rịa – Vũng Tàu plans give a shared unit the same
//   code, name and kind (the portal keeps one unit per code and province). Offices of a ministry in the
//   province (Cục Thuế, Cục Hải quan, Cục Thống kê, Cục Quản lý thị trường, the State Bank branch, Công an
//   tỉnh) are kind "central".
// - The budget table does not say who pays, so every line has source "unspecified".
// - A target "trước năm 2013" is recorded with targetYear 2013; the description keeps the exact wording.
//   The comparator records the wording ("80%" → eq), not how achievement will be judged.

const MILLION = 1_000_000n;
const PLAN_LOCATION = "Kế hoạch kèm theo Quyết định";
const OBJECTIVES_LOCATION = `${PLAN_LOCATION}, mục III`;

const percentTarget = (
  code: string,
  description: string,
  value: number,
  targetYear: number,
  location: string,
): PlanTarget => ({
  code,
  description,
  value,
  valueText: `${value}%`,
  unit: "%",
  comparator: "eq",
  targetYear,
  location,
  variants: [],
});

const onlineLevelTarget = (
  code: string,
  description: string,
  valueText: string,
  targetYear: number,
  location: string,
): PlanTarget => ({
  code,
  description,
  value: 3,
  valueText,
  unit: "mức độ",
  comparator: "gte",
  targetYear,
  location,
  variants: [],
});

/** Mục V, "Đơn vị tính: triệu VNĐ": row number → amounts 2011…2015 as printed. */
const budgetTable: ReadonlyArray<readonly [string, readonly number[]]> = [
  ["1", [22, 22, 22, 22, 22]],
  ["2", [60, 60, 60, 60, 60]],
  ["3", [100, 100, 100, 100, 100]],
  ["4", [50, 50, 50, 50, 50]],
  ["5", [200, 100, 100, 100, 100]],
  ["6", [120, 100, 100, 100, 100]],
  ["7", [168, 132, 100, 50, 50]],
  ["8", [50, 50, 50, 50, 50]],
];
const budgetYears = [2011, 2012, 2013, 2014, 2015] as const;

const budgetLines: BudgetLine[] = budgetTable.flatMap(([activityNumber, amounts]) =>
  budgetYears.map((year, index) => ({
    activityNumber,
    year,
    source: "unspecified" as const,
    amountDong: BigInt(amounts[index] ?? 0) * MILLION,
    label: null,
    unitPriceDong: null,
    quantity: null,
    quantityUnit: null,
  })),
);

const BUDGET_TABLE_LOCATION = `${PLAN_LOCATION}, mục V, bảng tổng hợp kinh phí, dòng Tổng cộng`;

export const baRiaVungTau2011: PlanDocument = {
  slug: "ke-hoach-tmdt-2011-2015",
  provinceCode: "77",
  title: "Kế hoạch phát triển thương mại điện tử tỉnh Bà Rịa - Vũng Tàu giai đoạn 2011 - 2015",
  titleEn: "E-commerce development plan of Ba Ria - Vung Tau province, 2011-2015",
  periodStart: 2011,
  periodEnd: 2015,
  decisionNumber: "3023/QĐ-UBND",
  decisionDate: "2010-11-16",
  issuer: "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu",
  // The document as we hold it ends with the plan's last section: no signature block, no signer's name.
  signerName: "(không ghi trong văn bản)",
  signerTitle: "ỦY BAN NHÂN DÂN TỈNH",
  budgetDisplayUnit: "million",
  summary:
    "Kế hoạch triển khai pháp luật và tuyên truyền về thương mại điện tử, tập huấn cho cán bộ quản lý nhà nước và doanh nghiệp, hỗ trợ doanh nghiệp xây dựng website và tham gia sàn giao dịch thương mại điện tử của tỉnh (www.brvtemart.com.vn), chứng nhận website uy tín TrustVN, cung cấp trực tuyến dịch vụ công ngành Công thương, điều tra ứng dụng thương mại điện tử theo Quyết định số 37/2008/QĐ-BCT, nâng cấp sàn giao dịch và khảo sát, học tập kinh nghiệm. Tổng kinh phí 3.030 triệu đồng.",
  units: [
    { code: "SCT", name: "Sở Công Thương", nameEn: "Department of Industry and Trade", kind: "provincial" },
    {
      code: "STTTT",
      name: "Sở Thông tin và Truyền thông",
      nameEn: "Department of Information and Communications",
      kind: "provincial",
    },
    {
      code: "SKHDT",
      name: "Sở Kế hoạch và Đầu tư",
      nameEn: "Department of Planning and Investment",
      kind: "provincial",
    },
    { code: "STC", name: "Sở Tài chính", nameEn: "Department of Finance", kind: "provincial" },
    {
      code: "SVHTTDL",
      name: "Sở Văn hóa, Thể thao và Du lịch",
      nameEn: "Department of Culture, Sports and Tourism",
      kind: "provincial",
    },
    {
      code: "SKHCN",
      name: "Sở Khoa học và Công nghệ",
      nameEn: "Department of Science and Technology",
      kind: "provincial",
    },
    {
      code: "NHNN",
      name: "Ngân hàng Nhà nước Việt Nam – Chi nhánh Bà Rịa – Vũng Tàu",
      nameEn: "State Bank of Vietnam, Ba Ria – Vung Tau branch",
      kind: "central",
    },
    { code: "CTHUE", name: "Cục Thuế tỉnh", nameEn: "Provincial Tax Department", kind: "central" },
    { code: "CTK", name: "Cục Thống kê tỉnh", nameEn: "Provincial Statistics Office", kind: "central" },
    { code: "CHQ", name: "Cục Hải quan tỉnh", nameEn: "Provincial Customs Department", kind: "central" },
    {
      code: "SO-BAN-NGANH",
      name: "Các sở, ban, ngành",
      nameEn: "Provincial departments and agencies",
      kind: "provincial",
    },
    { code: "BCT", name: "Bộ Công Thương", nameEn: "Ministry of Industry and Trade", kind: "central" },
    {
      code: "CTMDT",
      name: "Cục Thương mại điện tử và Công nghệ thông tin (Bộ Công Thương)",
      nameEn: "Vietnam E-commerce and Information Technology Agency (Ministry of Industry and Trade)",
      kind: "central",
    },
    {
      code: "ECOMVIET",
      name: "Trung tâm Phát triển thương mại điện tử (EcomViet), Bộ Công Thương",
      nameEn: "E-commerce Development Centre (EcomViet), Ministry of Industry and Trade",
      kind: "central",
    },
    {
      code: "VECOM",
      name: "Hiệp hội Thương mại điện tử Việt Nam",
      nameEn: "Vietnam E-commerce Association",
      kind: "other",
    },
  ],
  objectives: [
    {
      code: "1",
      title:
        "Tất cả doanh nghiệp lớn tiến hành giao dịch thương mại điện tử loại hình doanh nghiệp với doanh nghiệp",
      targets: [
        percentTarget(
          "1.a",
          "Doanh nghiệp lớn sử dụng thường xuyên hộp thư điện tử trong hoạt động sản xuất kinh doanh",
          100,
          2015,
          `${OBJECTIVES_LOCATION}.1.a`,
        ),
        percentTarget(
          "1.b",
          "Doanh nghiệp lớn có trang thông tin điện tử, cập nhật thường xuyên thông tin hoạt động và quảng bá sản phẩm của doanh nghiệp",
          80,
          2015,
          `${OBJECTIVES_LOCATION}.1.b`,
        ),
        percentTarget(
          "1.c",
          "Doanh nghiệp lớn tham gia các trang thông tin điện tử bán hàng (website thương mại điện tử) để mua bán các sản phẩm hàng hóa và dịch vụ liên quan tới hoạt động sản xuất kinh doanh của doanh nghiệp",
          70,
          2015,
          `${OBJECTIVES_LOCATION}.1.c`,
        ),
        percentTarget(
          "1.d",
          "Doanh nghiệp lớn tham gia các mạng kinh doanh điện tử theo mô hình trao đổi chứng từ điện tử dựa trên chuẩn trao đổi dữ liệu điện tử",
          5,
          2015,
          `${OBJECTIVES_LOCATION}.1.d`,
        ),
        percentTarget(
          "1.e",
          "Doanh nghiệp lớn ứng dụng các phần mềm chuyên dụng trong hoạt động quản lý sản xuất và kinh doanh",
          20,
          2015,
          `${OBJECTIVES_LOCATION}.1.e`,
        ),
      ],
    },
    {
      code: "2",
      title:
        "Tất cả doanh nghiệp nhỏ và vừa tiến hành giao dịch thương mại điện tử loại hình doanh nghiệp với người tiêu dùng hoặc doanh nghiệp với doanh nghiệp",
      targets: [
        percentTarget(
          "2.a",
          "Doanh nghiệp nhỏ và vừa sử dụng thư điện tử trong hoạt động sản xuất và kinh doanh",
          100,
          2015,
          `${OBJECTIVES_LOCATION}.2.a`,
        ),
        percentTarget(
          "2.b",
          "Doanh nghiệp nhỏ và vừa có trang thông tin điện tử, cập nhật định kỳ thông tin hoạt động và quảng bá sản phẩm của doanh nghiệp",
          45,
          2015,
          `${OBJECTIVES_LOCATION}.2.b`,
        ),
        percentTarget(
          "2.c",
          "Doanh nghiệp nhỏ và vừa tham gia các website thương mại điện tử để mua bán các sản phẩm hàng hóa và dịch vụ liên quan tới hoạt động sản xuất kinh doanh của doanh nghiệp",
          30,
          2015,
          `${OBJECTIVES_LOCATION}.2.c`,
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
          70,
          2015,
          `${OBJECTIVES_LOCATION}.3.a`,
        ),
        percentTarget(
          "3.b",
          "Các đơn vị cung cấp dịch vụ điện, nước, viễn thông và truyền thông chấp nhận thanh toán phí dịch vụ của các hộ gia đình qua phương tiện điện tử",
          50,
          2015,
          `${OBJECTIVES_LOCATION}.3.b`,
        ),
        percentTarget(
          "3.c",
          "Cơ sở kinh doanh trong các lĩnh vực thương mại dịch vụ như vận tải, văn hóa, thể thao và du lịch phát triển các kênh giao dịch điện tử phục vụ người tiêu dùng",
          30,
          2015,
          `${OBJECTIVES_LOCATION}.3.c`,
        ),
      ],
    },
    {
      code: "4",
      title: "Phần lớn dịch vụ công liên quan hoạt động sản xuất kinh doanh được cung cấp trực tuyến",
      targets: [
        percentTarget(
          "4.a.1",
          "Cung cấp trực tuyến từ mức độ 3 trở lên 80% dịch vụ công liên quan tới xuất nhập khẩu trước năm 2013",
          80,
          2013,
          `${OBJECTIVES_LOCATION}.4.a`,
        ),
        percentTarget(
          "4.a.2",
          "Dịch vụ công liên quan tới xuất nhập khẩu đạt mức 4 vào năm 2015",
          40,
          2015,
          `${OBJECTIVES_LOCATION}.4.a`,
        ),
        onlineLevelTarget(
          "4.b",
          "Cung cấp trực tuyến từ mức độ 3 trở lên dịch vụ thủ tục hải quan điện tử trước năm 2013",
          "từ mức độ 3 trở lên",
          2013,
          `${OBJECTIVES_LOCATION}.4.b`,
        ),
        onlineLevelTarget(
          "4.c",
          "Cung cấp trực tuyến mức độ 3 trở lên các dịch vụ liên quan tới thuế, bao gồm khai nộp thuế giá trị gia tăng và thuế thu nhập cá nhân trước năm 2013",
          "mức độ 3 trở lên",
          2013,
          `${OBJECTIVES_LOCATION}.4.c`,
        ),
        onlineLevelTarget(
          "4.d",
          "Cung cấp trực tuyến từ mức độ 3 trở lên các thủ tục đăng ký kinh doanh và đầu tư trước năm 2013, bao gồm thủ tục cấp giấy chứng nhận đăng ký doanh nghiệp, cấp giấy chứng nhận đầu tư, cấp giấy chứng nhận đăng ký hoạt động chi nhánh, văn phòng đại diện",
          "từ mức độ 3 trở lên",
          2013,
          `${OBJECTIVES_LOCATION}.4.d`,
        ),
        percentTarget(
          "4.e.1",
          "Cung cấp trực tuyến từ mức độ 3 trở lên 50% các dịch vụ công liên quan tới thương mại và hoạt động sản xuất kinh doanh trước năm 2014",
          50,
          2014,
          `${OBJECTIVES_LOCATION}.4.e`,
        ),
        percentTarget(
          "4.e.2",
          "Đến hết năm 2015 có 20% dịch vụ công liên quan tới thương mại và hoạt động sản xuất kinh doanh đạt mức độ 4",
          20,
          2015,
          `${OBJECTIVES_LOCATION}.4.e`,
        ),
      ],
    },
  ],
  activities: [
    {
      number: "IV.1",
      title: "Triển khai pháp luật về thương mại điện tử",
      description:
        "Tổ chức tuyên truyền trên địa bàn tỉnh để cán bộ quản lý nhà nước, doanh nghiệp và công dân nắm vững các quy định của pháp luật về thương mại điện tử; tổ chức các hoạt động rà soát, kiểm tra hàng năm nhằm nắm vững tình hình phát triển thương mại điện tử trên địa bàn, làm cơ sở cho việc triển khai chính sách và thực thi pháp luật về thương mại điện tử tại địa phương; tổ chức những hoạt động thanh tra liên ngành về lĩnh vực thương mại điện tử tại địa phương; phối hợp với các tổ chức quản lý thị trường, quản lý cạnh tranh, bảo vệ quyền lợi người tiêu dùng, thanh tra thông tin truyền thông … xử lý các hành vi vi phạm hành chính trong hoạt động thương mại điện tử trên địa bàn tỉnh. Trong quá trình triển khai, kịp thời phản ánh những vướng mắc, khó khăn cũng như các quy định chưa hợp lý lên các cơ quan có thẩm quyền để sửa đổi, bổ sung cho phù hợp với thực tiễn. (Không có dòng kinh phí riêng trong bảng tổng hợp kinh phí.)",
      leadUnitCodes: ["SCT"],
      coordinatingUnitCodes: [],
    },
    {
      number: "1",
      title: "Tổ chức các khóa tập huấn về thương mại điện tử cho cán bộ quản lý nhà nước",
      description:
        "Tổ chức tuyên truyền cho cán bộ công chức tại các Sở, ban, ngành, Ủy ban nhân dân các huyện, thị xã, thành phố tổng quan và lợi ích của thương mại điện tử; các mô hình thương mại điện tử trên thế giới; thương mại điện tử Việt Nam; hệ thống pháp luật về thương mại điện tử; các hoạt động thanh tra, kiểm tra, thống kê thương mại điện tử; lập kế hoạch triển khai thương mại điện tử; dịch vụ công trực tuyến; các kỹ năng khai thác, quản lý và cập nhật thông tin thương mại trực tuyến. (Mục IV.2.a)",
      leadUnitCodes: ["SCT"],
      coordinatingUnitCodes: [],
    },
    {
      number: "2",
      title:
        "Tổ chức các khóa tập huấn chuyên sâu về kỹ năng thương mại điện tử cho doanh nghiệp trên địa bàn tỉnh",
      description:
        "Nội dung tập huấn chủ yếu bao gồm: các mô hình thương mại điện tử trên thế giới và Việt Nam; lập kế hoạch ứng dụng và triển khai thương mại điện tử cho doanh nghiệp; các kỹ năng khai thác thông tin thương mại trực tuyến; các kỹ năng tìm kiếm khách hàng trên Internet; các doanh nghiệp triển khai và ứng dụng thương mại điện tử thành công; xây dựng và quản trị website thương mại điện tử; ứng dụng marketing trực tuyến; sàn giao dịch thương mại điện tử; xây dựng thương hiệu trên môi trường Internet. (Mục IV.2.b)",
      leadUnitCodes: ["SCT"],
      coordinatingUnitCodes: [],
    },
    {
      number: "IV.2.c",
      title: "Tổ chức tuyên truyền cho người tiêu dùng về thương mại điện tử",
      description:
        "Tuyên truyền về thương mại điện tử cho người tiêu dùng thông qua các phương tiện thông tin đại chúng như báo chí, các kênh truyền hình, phát thanh của địa phương; quảng bá các doanh nghiệp điển hình thành công trong ứng dụng và cung cấp dịch vụ thương mại điện tử; mở rộng một số cuộc thi tìm hiểu về thương mại điện tử trên truyền hình địa phương và khuyến khích mọi người tham gia. (Không có dòng kinh phí riêng trong bảng tổng hợp kinh phí.)",
      leadUnitCodes: ["SCT"],
      coordinatingUnitCodes: [],
    },
    {
      number: "3",
      title: "Chương trình hỗ trợ doanh nghiệp xây dựng website thương mại điện tử",
      description:
        "Hỗ trợ doanh nghiệp có định hướng và hỗ trợ doanh nghiệp xây dựng website thương mại điện tử phù hợp với mô hình, sản phẩm của doanh nghiệp. Với công cụ là website thương mại điện tử giúp doanh nghiệp xây dựng thương hiệu, quảng bá sản phẩm, đồng thời là kênh truyền thông và công cụ kinh doanh hiệu quả với chi phí thấp. Ngoài ra, Sở Công thương tổ chức, tư vấn cho doanh nghiệp triển khai quy trình bán hàng trực tuyến, quy trình kinh doanh theo mô hình B2C tiên tiến trên thế giới, cách thức tích hợp công cụ thanh toán trực tuyến, cách thức quảng bá, marketing hiệu quả cho website. (Mục IV.3.a)",
      leadUnitCodes: ["SCT"],
      coordinatingUnitCodes: [],
    },
    {
      number: "4",
      title:
        "Chương trình hỗ trợ cập nhật thông tin doanh nghiệp tham gia sàn giao dịch thương mại điện tử tỉnh Bà Rịa – Vũng Tàu (www.brvtemart.com.vn) nhằm quảng bá thương hiệu và sản phẩm của doanh nghiệp",
      description:
        "Lựa chọn những doanh nghiệp vừa và nhỏ tiêu biểu có khả năng và mong muốn ứng dụng thương mại điện tử để hỗ trợ, tư vấn cách thức tham gia; hỗ trợ doanh nghiệp tìm kiếm đối tác thông qua việc khai thác các cơ hội giao thương hàng ngày. Đào tạo kỹ năng quản trị gian hàng trực tuyến. (Mục IV.3.b)",
      leadUnitCodes: ["SCT"],
      coordinatingUnitCodes: [],
    },
    {
      number: "IV.3.c",
      title:
        "Hỗ trợ doanh nghiệp kinh doanh thương mại điện tử theo mô hình B2C xây dựng quy trình thu thập thông tin khách hàng thông qua chứng nhận website thương mại điện tử uy tín (TrustVN)",
      description:
        "Phối hợp với Cục Thương mại Điện tử và Công nghệ thông tin và Hiệp hội Thương mại điện tử Việt Nam phổ biến, giới thiệu rộng rãi chương trình cấp giấy chứng nhận website thương mại điện tử uy tín (TrustVN), hỗ trợ các doanh nghiệp trên địa bàn tỉnh tham gia TrustVN và tuân thủ các quy định về bảo vệ dữ liệu cá nhân theo tiêu chuẩn quốc tế trong thương mại điện tử. (Không có dòng kinh phí riêng trong bảng tổng hợp kinh phí.)",
      leadUnitCodes: ["SCT"],
      coordinatingUnitCodes: ["CTMDT", "VECOM"],
    },
    {
      number: "5",
      title: "Cung cấp trực tuyến các dịch vụ công liên quan đến lĩnh vực công nghiệp thương mại",
      description:
        "Xây dựng, nâng cấp hệ thống phần mềm, phần cứng để chuyển các thủ tục cấp giấy phép hiện nay ở Sở Công thương lên môi trường trực tuyến, triển khai dịch vụ công ở mức độ 2, 3, 4; căn cứ vào các thủ tục hành chính đã được rà soát, hoàn thiện theo đề án 30 của Sở Công thương, từng bước triển khai những thủ tục đơn giản cho phép đăng ký trực tuyến (từ mức độ 3) trở lên; hướng tới cung cấp dịch vụ công trực tuyến tích hợp các công cụ chữ ký số, xác thực chữ ký số nhằm đảm bảo an toàn, bảo mật. (Mục IV.4)",
      leadUnitCodes: ["SCT"],
      coordinatingUnitCodes: [],
    },
    {
      number: "6",
      title: "Điều tra ứng dụng thương mại điện tử trên địa bàn tỉnh",
      description:
        "Xây dựng kế hoạch điều tra thống kê hàng năm về thương mại điện tử; tổ chức điều tra, thu thập số liệu thống kê về tình hình ứng dụng thương mại điện tử trên địa bàn tỉnh; phối hợp với Bộ Công thương xử lý và công bố các số liệu thống kê định kỳ về thương mại điện tử. Các chỉ tiêu thống kê bao gồm: các chỉ tiêu nhận dạng doanh nghiệp điều tra (tên doanh nghiệp; địa chỉ, điện thoại, fax, năm thành lập, email, website, ...); các chỉ tiêu về sản xuất kinh doanh (mức doanh thu; loại hình doanh nghiệp; loại hình kinh doanh của doanh nghiệp; số nhân viên, trong đó nhân viên trực tiếp sử dụng công nghệ thông tin); thông tin về mức độ sẵn sàng cho thương mại điện tử (tổng số máy tính; tỷ lệ nhân viên sử dụng máy tính thường xuyên; tham gia đào tạo về thương mại điện tử; mục đích sử dụng Internet; xây dựng hệ thống mạng nội bộ); thông tin về mức độ ứng dụng thương mại điện tử (nhân viên chuyên trách về thương mại điện tử; dự án hoặc chiến lược về thương mại điện tử; mức độ tham gia các sàn giao dịch thương mại điện tử; ...); các thông tin khác liên quan đến việc ứng dụng thương mại điện tử của doanh nghiệp điều tra. (Mục IV.5)",
      leadUnitCodes: ["SCT"],
      coordinatingUnitCodes: ["BCT"],
    },
    {
      number: "7",
      title: "Chương trình triển khai vận hành và nâng cấp sàn giao dịch thương mại điện tử",
      description:
        "Duy trì hiệu quả hoạt động của website sàn giao dịch thương mại điện tử Bà Rịa - Vũng Tàu, từng bước đưa website trở thành một địa chỉ tin cậy, thu hút sự quan tâm của nhiều doanh nghiệp trên địa bàn tỉnh cũng như toàn quốc và thế giới; tổ chức thực hiện nâng cấp sàn giao dịch thương mại điện tử của tỉnh www.brvtemart.com.vn nhằm đáp ứng yêu cầu ngày một cao hơn của môi trường marketing trực tuyến đồng thời thu hút được nhiều doanh nghiệp tham gia và vận hành một cách có hiệu quả hơn; tổ chức cập nhật thông tin thường xuyên cho sàn giao dịch thương mại điện tử Bà Rịa - Vũng Tàu. (Mục IV.6)",
      leadUnitCodes: ["SCT"],
      coordinatingUnitCodes: [],
    },
    {
      number: "8",
      title: "Chương trình khảo sát, học tập kinh nghiệm",
      description:
        "Tổ chức đoàn đi tham quan, khảo sát, học tập kinh nghiệm các địa phương xây dựng và triển khai kế hoạch thương mại điện tử đạt kết quả tốt, khảo sát một số doanh nghiệp ứng dụng thành công; học tập, trao đổi kinh nghiệm điều hành, quản lý sàn giao dịch thương mại điện tử thành công cũng như các giải pháp nhằm giúp doanh nghiệp tiếp cận với lĩnh vực thương mại điện tử; trao đổi những kinh nghiệm trong công tác quản lý nhà nước về lĩnh vực thương mại điện tử cũng như những vướng mắc, khó khăn khi thực hiện thương mại điện tử. (Mục IV.7)",
      leadUnitCodes: ["SCT"],
      coordinatingUnitCodes: [],
    },
  ],
  budgetLines,
  statedTotals: [
    { scope: "year", key: "2011", printed: "770", printedUnit: "million", location: BUDGET_TABLE_LOCATION },
    { scope: "year", key: "2012", printed: "614", printedUnit: "million", location: BUDGET_TABLE_LOCATION },
    { scope: "year", key: "2013", printed: "582", printedUnit: "million", location: BUDGET_TABLE_LOCATION },
    { scope: "year", key: "2014", printed: "532", printedUnit: "million", location: BUDGET_TABLE_LOCATION },
    { scope: "year", key: "2015", printed: "532", printedUnit: "million", location: BUDGET_TABLE_LOCATION },
    {
      scope: "grand",
      key: "",
      printed: "3.030",
      printedUnit: "million",
      location: `${PLAN_LOCATION}, mục V, đoạn sau bảng`,
    },
  ],
  statedWords: [
    {
      text: "Ba tỷ, không trăm ba mươi triệu đồng",
      location: `${PLAN_LOCATION}, mục V, đoạn sau bảng`,
    },
  ],
  decisionCitations: [
    { number: "3023/QĐ-UBND", location: `${PLAN_LOCATION}, phần đầu (Ban hành kèm theo Quyết định số …)` },
  ],
  assignments: [
    {
      unitCode: "SCT",
      duties: [
        "Tổ chức thực hiện nhiệm vụ được giao và theo dõi, đôn đốc các sở, ngành triển khai thực hiện Kế hoạch; tổng hợp báo cáo Ủy ban nhân dân tỉnh theo định kỳ 6 tháng, năm (Quyết định, Điều 2).",
        "Phối hợp với các sở, ngành liên quan tham mưu Ủy ban nhân dân tỉnh thành lập Ban Chỉ đạo chương trình phát triển thương mại điện tử tỉnh Bà Rịa - Vũng Tàu giai đoạn 2011 - 2015 sau khi Kế hoạch được phê duyệt.",
        "Theo dõi, đôn đốc các cơ quan, đơn vị trong công tác triển khai thực hiện chương trình, tổng hợp báo cáo Ủy ban nhân dân tỉnh và đề xuất xử lý kịp thời các khó khăn, vướng mắc trong quá trình thực hiện.",
      ],
    },
    {
      unitCode: "STC",
      duties: [
        "Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư tham mưu trình Ủy ban nhân dân tỉnh bố trí và phê duyệt kinh phí kịp thời phục vụ công tác triển khai chương trình phát triển thương mại điện tử tỉnh giai đoạn 2011 - 2015.",
      ],
    },
    {
      unitCode: "SKHDT",
      duties: [
        "Phối hợp với Sở Tài chính tham mưu trình Ủy ban nhân dân tỉnh bố trí và phê duyệt kinh phí kịp thời phục vụ công tác triển khai chương trình.",
      ],
    },
    {
      unitCode: "SO-BAN-NGANH",
      duties: [
        "Căn cứ vào chức năng của cơ quan và nhiệm vụ được giao tại Kế hoạch, xây dựng kế hoạch triển khai cụ thể trong quý I giai đoạn 2011 - 2015 nhằm thực hiện chương trình đạt hiệu quả.",
        "Báo cáo tình hình thực hiện về Ủy ban nhân dân tỉnh, đồng gửi Sở Công thương theo định kỳ hàng quý, năm.",
      ],
    },
  ],
};
