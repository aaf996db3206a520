/** Builds small enterprise exports (as 企查查-style CSV) for import tests. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { usccCheckCharacter } from "../../server/imports/values.js";

/** A valid 统一社会信用代码 from a 17-character body. */
export function uscc(body17: string): string {
  return body17 + usccCheckCharacter(body17)!;
}

export interface ExportRow {
  企业名称: string;
  统一社会信用代码?: string;
  注册资本?: string;
  成立日期?: string;
  所属省份?: string;
  所属城市?: string;
  所属区县?: string;
  国标行业?: string;
  经营范围?: string;
  主营产品?: string;
  [extra: string]: string | undefined;
}

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes rows under a title row, the way exports arrive; returns the file path. */
export function writeExport(dir: string, name: string, rows: ExportRow[], { title = "企业列表导出" } = {}): string {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const lines = [title, headers.join(","), ...rows.map((r) => headers.map((h) => quote(r[h] ?? "")).join(","))];
  const file = path.join(dir, name);
  writeFileSync(file, "\uFEFF" + lines.join("\r\n") + "\r\n");
  return file;
}

/** Three firms in 京津冀 making steel products, one with a bad code, one duplicate. */
export function steelExport(): ExportRow[] {
  return [
    { 企业名称: "唐山冷轧精密带钢有限公司", 统一社会信用代码: uscc("91130203MA0000001"), 注册资本: "5000万元", 成立日期: "2015/3/8", 所属省份: "河北省", 所属城市: "唐山市", 所属区县: "路北区", 国标行业: "C3130 钢压延加工", 经营范围: "冷轧带钢、精密带钢生产销售", 主营产品: "冷轧带钢、镀锌板", 联系人: "张三" },
    { 企业名称: "天津耐火材料科技股份有限公司", 统一社会信用代码: uscc("91120116MA0000002"), 注册资本: "1.2亿元", 成立日期: "2010年5月1日", 所属省份: "天津市", 所属区县: "滨海新区", 国标行业: "C3089", 经营范围: "耐火材料、耐火砖、镁碳砖的研发与销售", 主营产品: "镁碳砖" },
    { 企业名称: "北京废钢再生资源有限公司", 注册资本: "500万美元", 所属省份: "北京市", 所属区县: "朝阳区", 经营范围: "废钢回收、分拣、破碎加工", 主营产品: "废钢加工" },
    { 企业名称: "错误代码钢铁有限公司", 统一社会信用代码: "91130203MA00000099", 所属省份: "河北省", 所属城市: "唐山市", 经营范围: "钢材销售" },
    { 企业名称: "唐山冷轧精密带钢有限公司", 统一社会信用代码: uscc("91130203MA0000001"), 所属省份: "河北省", 所属城市: "唐山市", 所属区县: "路北区", 经营范围: "冷轧带钢" },
  ];
}
