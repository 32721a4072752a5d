import { describe, expect, test } from "vitest";
import { fixtureTaxCode } from "../../../../test/helpers/floor.ts";
import {
  amountOf,
  columnOfHeader,
  findHeader,
  importDigest,
  legalFormOf,
  mapRow,
  mapTable,
  vsicOf,
  yearOf,
} from "./row-mapping.ts";

describe("header aliases", () => {
  test.each([
    ["Mã số thuế", "taxCode"],
    ["MST", "taxCode"],
    ["Ma so thue", "taxCode"],
    ["MÃ SỐ DOANH NGHIỆP", "taxCode"],
    ["Tên doanh nghiệp", "name"],
    ["Ten doanh nghiep", "name"],
    ["Tên tiếng Anh", "nameEn"],
    ["Tên nước ngoài", "nameEn"],
    ["Loại hình doanh nghiệp", "legalForm"],
    ["Ngành nghề kinh doanh chính", "vsic"],
    ["Mã ngành", "vsic"],
    ["Địa chỉ trụ sở", "addressLine"],
    ["Địa chỉ email", "email"],
    ["Xã/Phường", "commune"],
    ["Quận/Huyện (cũ)", "formerDistrict"],
    ["Điện thoại", "phone"],
    ["E-mail", "email"],
    ["Website", "website"],
    ["Ngày thành lập", "founded"],
    ["Ngày cấp", "founded"],
    ["Số lao động", "employees"],
    ["Vốn điều lệ (đồng)", "capital"],
    ["Doanh thu", "revenue"],
    ["Người đại diện theo pháp luật", "representativeName"],
  ])("%s → %s", (header, column) => {
    expect(columnOfHeader(header)).toBe(column);
  });

  test("unknown headers are ignored; the header row is found under a title, with units read from the header", () => {
    expect(columnOfHeader("Ghi chú")).toBeNull();
    const header = findHeader([
      ["DANH SÁCH DOANH NGHIỆP"],
      ["STT", "MST", "Tên DN", "Doanh thu (triệu đồng)", "Vốn điều lệ"],
    ]);
    expect(header?.rowIndex).toBe(1);
    expect(header?.columns.taxCode?.index).toBe(1);
    expect(header?.columns.revenue?.unit).toBe("million");
    expect(header?.columns.capital?.unit).toBe("dong");
    expect(findHeader([["Tên", "Địa chỉ"]])).toBeNull();
  });
});

describe("values", () => {
  test("VSIC code → section, through the division", () => {
    expect(vsicOf("4620 - Bán buôn nông, lâm sản nguyên liệu")).toEqual({ section: "G", code: "4620" });
    expect(vsicOf("10200")).toEqual({ section: "C", code: "10200" });
    expect(vsicOf("111")).toEqual({ section: "A", code: "0111" });
    expect(vsicOf("5222")).toEqual({ section: "H", code: "5222" });
    expect(vsicOf("8411")).toEqual({ section: "O", code: "8411" });
    expect(vsicOf("c")).toEqual({ section: "C", code: null });
    expect(vsicOf("4000")).toEqual({ error: "enterprises.import.problem.vsicUnknown" });
    expect(vsicOf("Bán buôn")).toEqual({ error: "enterprises.import.problem.vsicFormat" });
  });

  test("amounts in đồng or triệu đồng, in every format a register uses", () => {
    expect(amountOf("5.000.000.000", "dong")).toBe(5_000_000_000n);
    expect(amountOf("5000000000", "dong")).toBe(5_000_000_000n);
    expect(amountOf("5,000,000,000", "dong")).toBe(5_000_000_000n);
    expect(amountOf("1.250,5", "million")).toBe(1_250_500_000n);
    expect(amountOf("2 000 000 đ", "dong")).toBe(2_000_000n);
    expect(amountOf("-5", "dong")).toBeNull();
    expect(amountOf("năm tỷ", "dong")).toBeNull();
    expect(amountOf("10,5", "dong")).toBeNull();
  });

  test("years, legal forms", () => {
    expect(yearOf("15/03/2010")).toBe(2010);
    expect(yearOf("2010-03-15")).toBe(2010);
    expect(yearOf("1999")).toBe(1999);
    expect(yearOf("15/03/1850")).toBeNull();
    expect(yearOf("hôm qua")).toBeNull();
    expect(legalFormOf("Công ty TNHH một thành viên")).toBe("llc-single-member");
    expect(legalFormOf("Cong ty TNHH hai thanh vien tro len")).toBe("llc-multi-member");
    expect(legalFormOf("Công ty cổ phần")).toBe("joint-stock");
    expect(legalFormOf("Doanh nghiệp tư nhân")).toBe("private-enterprise");
    expect(legalFormOf("Hợp tác xã")).toBe("cooperative");
    expect(legalFormOf("Chi nhánh công ty cổ phần")).toBe("branch");
    expect(legalFormOf("")).toBeNull();
  });
});

describe("rows", () => {
  const header = findHeader([["Mã số thuế", "Tên doanh nghiệp", "Mã ngành", "Điện thoại", "Vốn điều lệ"]])!;

  test("a valid row is normalised; the legal form falls back to the name", () => {
    const taxCode = fixtureTaxCode(55);
    const { row, problems } = mapRow(
      [` ${taxCode} `, "Công ty  CP Thủy sản Côn Đảo", "1020", "0903.123.456", "1.000.000"],
      header,
      2,
    );
    expect(problems).toEqual([]);
    expect(row).toMatchObject({
      taxCode,
      name: "Công ty CP Thủy sản Côn Đảo",
      legalForm: "joint-stock",
      vsicSection: "C",
      phone: "0903123456",
      capitalDong: "1000000",
    });
  });

  test("every problem names the row number and the column as headed in the file", () => {
    const { row, problems } = mapRow(["0100109107", "", "xx", "123", "abc"], header, 9);
    expect(row).toBeNull();
    expect(problems.map((problem) => [problem.row, problem.column, problem.messageKey])).toEqual([
      [9, "Mã số thuế", "enterprises.validation.taxCode.checkDigit"],
      [9, "Tên doanh nghiệp", "enterprises.import.problem.required"],
      [9, "Mã ngành", "enterprises.import.problem.vsicFormat"],
      [9, "Điện thoại", "enterprises.import.problem.phone"],
      [9, "Vốn điều lệ", "enterprises.import.problem.amount"],
    ]);
  });

  test("duplicates and blank lines; the digest depends on values only", () => {
    const taxCode = fixtureTaxCode(56);
    const table = mapTable(
      [
        ["Mã số thuế", "Tên doanh nghiệp", "Mã ngành"],
        [taxCode, "A", "4620"],
        ["", "", ""],
        [taxCode, "B", "4620"],
      ],
      findHeader([["Mã số thuế", "Tên doanh nghiệp", "Mã ngành"]])!,
    );
    expect(table.totalRows).toBe(2);
    expect(table.rows).toHaveLength(1);
    expect(table.problems).toEqual([
      {
        row: 4,
        column: "Mã số thuế",
        messageKey: "enterprises.import.problem.duplicate",
        params: { row: 2 },
      },
    ]);
    const first = table.rows[0]!.row;
    expect(importDigest({ ...first })).toBe(importDigest(first));
    expect(importDigest({ ...first, name: "A2" })).not.toBe(importDigest(first));
  });
});
