/**
 * The core of a firm's name, for finding the same firm twice: 辽宁华锆新材料有限公司,
 * 华锆新材料 and 华锆新材料（朝阳）有限公司 all come to 华锆新材料. Places at the start,
 * bracketed parts and legal forms are dropped; what is left names the business.
 */
import { ALL_REGIONS } from "../server/regions/divisions.js";

const LEGAL_FORMS = /(?:股份有限公司|有限责任公司|有限公司|集团公司|总公司|分公司|公司|集团|股份|责任)$/;

/** Region names and their short forms (辽宁省 → 辽宁, 凌源市 → 凌源), longest first. */
const PLACES: readonly string[] = [
  ...new Set(
    ALL_REGIONS.flatMap((r) => {
      const short = r.name.replace(/(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|省|市|县|区|地区|盟|旗)$/, "");
      return short.length >= 2 ? [r.name, short] : [r.name];
    }),
  ),
].sort((a, b) => b.length - a.length);

export function coreName(name: string): string {
  let core = name
    .normalize("NFKC")
    .replace(/[(（][^)）]*[)）]/g, "")
    .replace(/\s+/g, "");
  for (let changed = true; changed; ) {
    changed = false;
    const place = PLACES.find((p) => core.startsWith(p) && core.length > p.length + 1);
    if (place) {
      core = core.slice(place.length);
      changed = true;
    }
    const stripped = core.replace(LEGAL_FORMS, "");
    if (stripped !== core && stripped.length >= 2) {
      core = stripped;
      changed = true;
    }
  }
  return core;
}
