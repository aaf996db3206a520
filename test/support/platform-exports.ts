/**
 * Small enterprise lists shaped like the real exports of 企查查, 天眼查 and a zone's own 台账
 * kept by hand in Excel: their column headers, the title and export-time rows above the
 * header, a merged title cell, a 说明 sheet and a hidden lookup sheet before the list, a
 * second list on a sheet of its own, the 序号 column, the 合计 line under the data, dates as
 * text, as date cells and as bare serial numbers, capital with its unit and currency in the
 * cell, 登记状态 of firms that no longer exist, and one firm twice.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { uscc } from "./enterprise-export.js";

/** 企查查's export columns (in its order, less the ones no test needs). */
export const QCC_HEADERS = [
  "序号", "企业名称", "登记状态", "法定代表人", "注册资本", "实缴资本", "成立日期", "统一社会信用代码", "企业(机构)类型",
  "所属省份", "所属城市", "所属区县", "电话", "邮箱", "国标行业门类", "国标行业大类", "国标行业中类", "国标行业小类",
  "官网", "注册地址", "经营范围", "参保人数", "曾用名", "英文名",
] as const;
type QccRow = Partial<Record<(typeof QCC_HEADERS)[number], string | number | Date>>;

export const QCC_CODES = {
  strip: uscc("91130208MA0QCC001"),
  refractory: uscc("91120116MA0QCC002"),
  scrap: uscc("91110105MA0QCC003"),
  pipe: uscc("91130902MA0QCC004"),
  movedOut: uscc("91130902MA0QCC005"),
  revoked: uscc("91130902MA0QCC006"),
  dealer: uscc("91130102MA0QCC007"),
};

const steel = { 国标行业门类: "制造业", 国标行业大类: "黑色金属冶炼和压延加工业", 国标行业中类: "钢压延加工", 国标行业小类: "钢压延加工" };

/** The firms of the 企查查 list, in file order (Excel rows 4 on: title, export time, header above). */
export const QCC_ROWS: QccRow[] = [
  // A cold-strip maker: the industry in four columns, the code in lower case.
  { 企业名称: "唐山丰润精工冷轧带钢有限公司", 登记状态: "存续", 法定代表人: "张三", 注册资本: "1000万元人民币", 实缴资本: "1000万元人民币", 成立日期: "2010-05-12", 统一社会信用代码: QCC_CODES.strip.toLowerCase(), "企业(机构)类型": "有限责任公司(自然人投资或控股)", 所属省份: "河北省", 所属城市: "唐山市", 所属区县: "丰润区", 电话: "0315-1234567", 邮箱: "qc@example.cn", ...steel, 官网: "-", 注册地址: "河北省唐山市丰润区丰润镇工业区1号", 经营范围: "冷轧带钢、镀锌带钢的生产与销售", 参保人数: "120", 曾用名: "唐山丰润精工带钢厂", 英文名: "Tangshan Fengrun Jinggong Cold Rolled Strip Co., Ltd." },
  // A refractory maker: capital with thousands separators and the unit in brackets, a date cell.
  { 企业名称: "天津滨海镁碳耐火材料有限公司", 登记状态: "在业", 法定代表人: "李四", 注册资本: "1,200.5万(元)", 实缴资本: "-", 成立日期: new Date(Date.UTC(2012, 2, 8)), 统一社会信用代码: QCC_CODES.refractory, "企业(机构)类型": "有限责任公司", 所属省份: "天津市", 所属城市: "天津市", 所属区县: "滨海新区", 国标行业门类: "制造业", 国标行业大类: "非金属矿物制品业", 国标行业中类: "耐火材料制品制造", 国标行业小类: "其他耐火材料制品制造", 注册地址: "天津市滨海新区临港经济区", 经营范围: "耐火材料、镁碳砖、耐火砖的生产与销售", 参保人数: "56" },
  // A scrap dealer that has been wound up: 注销.
  { 企业名称: "北京朝阳再生废钢回收有限公司", 登记状态: "注销", 法定代表人: "王五", 注册资本: "500万美元", 成立日期: "2008年3月1日", 统一社会信用代码: QCC_CODES.scrap, "企业(机构)类型": "有限责任公司(外国法人独资)", 所属省份: "北京市", 所属城市: "北京市", 所属区县: "朝阳区", 国标行业门类: "批发和零售业", 国标行业大类: "批发业", 国标行业中类: "再生物资回收与批发", 国标行业小类: "再生物资回收与批发", 经营范围: "废钢回收、分拣、破碎加工", 参保人数: "0" },
  // A pipe maker in USD, founded on a day Excel wrote as a bare serial (40310 = 2010-05-12), its code with spaces, （中国） in full-width brackets.
  { 企业名称: "沧州华北钢管（中国）有限公司", 登记状态: "存续（在营、开业、在册）", 法定代表人: "赵六", 注册资本: "500万美元", 成立日期: 40310, 统一社会信用代码: QCC_CODES.pipe.replace(/(.{6})(.{8})/, "$1 $2 "), "企业(机构)类型": "有限责任公司(台港澳与境内合资)", 所属省份: "河北省", 所属城市: "沧州市", 所属区县: "新华区", ...steel, 经营范围: "焊管、无缝钢管、螺旋钢管的生产与销售", 参保人数: "300" },
  // The same pipe maker again, as platforms list a firm once per match: (中国) in half-width brackets.
  { 企业名称: "沧州华北钢管(中国)有限公司", 登记状态: "存续", 法定代表人: "赵六", 注册资本: "500万美元", 成立日期: "2010/5/12", 统一社会信用代码: QCC_CODES.pipe, 所属省份: "河北省", 所属城市: "沧州市", 所属区县: "新华区", ...steel, 经营范围: "焊管、无缝钢管", 参保人数: "300" },
  // Moved out of its registry: 迁出.
  { 企业名称: "沧州迁出钢结构有限公司", 登记状态: "迁出", 注册资本: "2亿元", 成立日期: "2015-07-01 00:00:00", 统一社会信用代码: QCC_CODES.movedOut, 所属省份: "河北省", 所属城市: "沧州市", 所属区县: "新华区", ...steel, 经营范围: "钢结构制作安装" },
  // Its licence revoked, never deregistered: 吊销，未注销.
  { 企业名称: "沧州吊销型钢有限公司", 登记状态: "吊销，未注销", 注册资本: "300万元", 成立日期: "2009-01-01", 统一社会信用代码: QCC_CODES.revoked, 所属省份: "河北省", 所属城市: "沧州市", 所属区县: "新华区", ...steel, 经营范围: "型钢轧制" },
  // A firm with a wrong check digit: refused, with the row.
  { 企业名称: "唐山校验位错误钢铁有限公司", 登记状态: "存续", 注册资本: "-", 成立日期: "2011-01-01", 统一社会信用代码: `${QCC_CODES.strip.slice(0, 17)}${QCC_CODES.strip[17] === "1" ? "2" : "1"}`, 所属省份: "河北省", 所属城市: "唐山市", 经营范围: "钢材销售" },
  // A steel trader: no chain of the graph makes or serves what it does.
  { 企业名称: "石家庄恒通商贸有限公司", 登记状态: "开业", 注册资本: "2亿元", 成立日期: "2018-09-30", 统一社会信用代码: QCC_CODES.dealer, 所属省份: "河北省", 所属城市: "石家庄市", 所属区县: "长安区", 国标行业门类: "批发和零售业", 国标行业大类: "批发业", 国标行业中类: "纺织、服装及家庭用品批发", 国标行业小类: "服装批发", 经营范围: "服装、鞋帽、针纺织品批发零售" },
];

/**
 * The 企查查 list as an .xlsx: a hidden lookup sheet and a 说明 sheet before the list, a
 * title line merged across the header and the export time above it, 序号 numbering the rows
 * (from `firstNumber`), the 合计 line below, and a second list on a sheet of its own.
 */
export async function writeQccWorkbook(dir: string, name: string, { rows = QCC_ROWS, firstNumber = 1 }: { rows?: QccRow[]; firstNumber?: number } = {}): Promise<string> {
  const book = new ExcelJS.Workbook();
  const lookup = book.addWorksheet("字典", { state: "hidden" });
  lookup.addRow(["企业名称", "登记状态"]);
  lookup.addRow(["示例企业", "存续"]);
  book.addWorksheet("说明").addRow(["本文件由企查查导出，仅供参考"]);
  const sheet = book.addWorksheet("企业列表");
  sheet.addRow(["企查查企业数据导出（共 9 条）"]);
  sheet.addRow(["导出时间：2026-11-30 10:22:01"]);
  sheet.addRow([...QCC_HEADERS]);
  rows.forEach((row, i) => sheet.addRow(QCC_HEADERS.map((h) => (h === "序号" ? firstNumber + i : (row[h] ?? "")))));
  sheet.addRow(QCC_HEADERS.map((h) => (h === "序号" ? "合计" : h === "参保人数" ? String(rows.reduce((n, r) => n + Number(r.参保人数 ?? 0), 0)) : "")));
  sheet.mergeCells(1, 1, 1, QCC_HEADERS.length);
  const second = book.addWorksheet("二期入库企业");
  second.addRow(["企业名称", "所属城市", "经营范围"]);
  second.addRow(["唐山二期冷轧有限公司", "唐山市", "冷轧带钢"]);
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

/** A 天眼查 export as CSV (GBK-free UTF-8 with BOM): its title line, 公司名称 and 经营状态, one 所属行业 column. */
export function writeTycCsv(dir: string, name: string): string {
  const lines = [
    "天眼查 - 企业搜索结果导出,,,,,,,,,,",
    "公司名称,经营状态,法定代表人,注册资本,成立日期,统一社会信用代码,公司类型,所属省份,所属城市,所属区县,所属行业,注册地址,经营范围",
    `邢台宏达耐火材料有限公司,存续,孙七,5000万人民币,2009-06-18,${uscc("91130500MA0TYC001")},有限责任公司,河北省,邢台市,,非金属矿物制品业,河北省邢台市襄都区钢铁路8号,"耐火材料、耐火砖、镁碳砖生产销售"`,
    `邢台已撤销钢材有限公司,撤销,周八,100万人民币,2014-02-01,${uscc("91130500MA0TYC002")},有限责任公司,河北省,邢台市,,批发业,,钢材销售`,
    `邢台停业带钢有限公司,停业,吴九,800万人民币,2013-08-08,${uscc("91130500MA0TYC003")},有限责任公司,河北省,邢台市,,黑色金属冶炼和压延加工业,,"冷轧带钢生产"`,
  ];
  const file = path.join(dir, name);
  writeFileSync(file, "\uFEFF" + lines.join("\r\n") + "\r\n");
  return file;
}

/**
 * A zone's own 台账 kept by hand: a title merged across the columns, a header over two rows
 * (注册资本 above 万元, the other headers merged down over both), 所属区县 written once for
 * each group of firms and merged down over the group, no 统一社会信用代码 for most firms, and
 * a 合计 line.
 */
export async function writeZoneLedger(dir: string, name: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("重点企业");
  sheet.addRow(["凌源经济开发区重点企业台账（2026年11月）"]);
  sheet.addRow(["序号", "所属区县", "企业名称", "注册资本", "成立时间", "主营产品", "企业状态", "联系人"]);
  sheet.addRow(["", "", "", "(万元)", "", "", "", ""]);
  sheet.addRow([1, "凌源市", "凌源恒昌冷轧带钢有限公司", 3000, new Date(Date.UTC(2016, 3, 18)), "冷轧带钢", "在业", "刘一"]);
  sheet.addRow([2, "", "凌源宏达焊管有限公司", "800", "2019.7.1", "直缝焊管、镀锌钢管", "存续", "陈二"]);
  sheet.addRow([3, "", "凌源老厂耐火材料有限公司", "500", "2001年3月", "耐火砖", "注销", ""]);
  sheet.addRow(["合计", "", "3家", 4300, "", "", "", ""]);
  sheet.mergeCells("A1:H1");
  for (const column of ["A", "B", "C", "E", "F", "G", "H"]) sheet.mergeCells(`${column}2:${column}3`);
  sheet.mergeCells("B4:B6");
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}
