/**
 * PNG and SVG of the map on screen, both written from the layout with the title, zone,
 * date and legend: the PNG is the SVG drawn at print resolution, so the two always match
 * and nothing (a lane's border, a label) is cut at the image's edge.
 */
import { App } from "antd";
import type { ChainMap } from "../../../../server/model/api";
import type { ChainChanges } from "../../../../server/model/progress";
import { useI18n } from "../../i18n/I18nProvider";
import type { MapElements } from "../../model/elements";
import { formatDate, formatPercent } from "../../model/format";
import type { Palette } from "../../model/palette";
import { sinceLegend, sinceSentence } from "../../model/since";
import { renderMapSvg } from "../../model/svg";
import { downloadBlob, exportFileName } from "../common/download";

/** PNG export: 3× the drawing, but no side above what browsers can encode reliably. */
const PNG_SCALE = 3;
const PNG_MAX_SIDE = 8000;

/** With `changes` (a 对比日期), the file carries the marks, their legend and the since line too. */
export function useMapExport(map: ChainMap, elements: MapElements, palette: Palette, changes: ChainChanges | null = null) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const today = formatDate(new Date());
  const fileName = (extension: string) => exportFileName([map.zone.shortName, map.chain.name, today], extension);
  const saved = (file: string) => void message.success(t("map.exported", { file }));

  const svgText = () =>
    renderMapSvg(elements, {
      palette,
      title: `${map.zone.shortName} · ${locale === "en" ? map.chain.nameEn : map.chain.name}`,
      subtitle: `${map.zone.name} · ${today} · ${t("print.summary", { percent: formatPercent(map.figures.completeness), covered: map.figures.covered, segments: map.figures.segments, ...map.figures.byStatus })}`,
      ...(changes ? { note: sinceSentence(changes.since, t, locale) } : {}),
      legend: {
        status: { strong: t("status.strong"), weak: t("status.weak"), missing: t("status.missing"), bottleneck: t("status.bottleneck") },
        bottleneckWithoutFirms: t("status.bottleneckMissing"),
        leader: t("status.leader"),
        external: t("status.external"),
        filling: t("status.filling"),
        ...(changes ? { since: sinceLegend(changes, t) } : {}),
      },
    });

  const exportPng = async () => {
    const file = fileName("png");
    downloadBlob(await rasterize(svgText()), file);
    saved(file);
  };

  const exportSvg = () => {
    const file = fileName("svg");
    downloadBlob(new Blob([svgText()], { type: "image/svg+xml" }), file);
    saved(file);
  };

  return { exportPng, exportSvg };
}

/** Draws an SVG (with its own width and height) into a canvas at print resolution. */
async function rasterize(svg: string): Promise<Blob> {
  const [, width = 0, height = 0] = (/viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg) ?? []).map(Number);
  const scale = Math.min(PNG_SCALE, PNG_MAX_SIDE / width, PNG_MAX_SIDE / height);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    canvas.getContext("2d")!.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
