/** PNG (from the canvas, at print resolution) and SVG (written from the layout) of the map on screen. */
import { App } from "antd";
import type { RefObject } from "react";
import type { ChainMap } from "../../../../server/model/api";
import { useI18n } from "../../i18n/I18nProvider";
import type { MapElements } from "../../model/elements";
import { formatDate, formatPercent } from "../../model/format";
import type { Palette } from "../../model/palette";
import { renderMapSvg } from "../../model/svg";
import { downloadBlob, exportFileName } from "../common/download";
import type { ChainMapCanvasHandle } from "./ChainMapCanvas";

export function useMapExport(map: ChainMap, elements: MapElements, palette: Palette, canvas: RefObject<ChainMapCanvasHandle | null>) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const today = formatDate(new Date());
  const fileName = (extension: string) => exportFileName([map.zone.shortName, map.chain.name, today], extension);
  const saved = (file: string) => void message.success(t("map.exported", { file }));

  const exportPng = async () => {
    if (!canvas.current) return;
    const file = fileName("png");
    downloadBlob(await canvas.current.exportPng(), file);
    saved(file);
  };

  const exportSvg = () => {
    const svg = renderMapSvg(elements, {
      palette,
      title: `${map.zone.shortName} · ${locale === "en" ? map.chain.nameEn : map.chain.name}`,
      subtitle: `${today} · ${t("print.summary", { percent: formatPercent(map.figures.completeness), covered: map.figures.covered, segments: map.figures.segments, ...map.figures.byStatus })}`,
      legend: {
        status: { strong: t("status.strong"), weak: t("status.weak"), missing: t("status.missing"), bottleneck: t("status.bottleneck") },
        bottleneckWithoutFirms: t("status.bottleneckMissing"),
        leader: t("status.leader"),
        external: t("status.external"),
        filling: t("status.filling"),
      },
    });
    const file = fileName("svg");
    downloadBlob(new Blob([svg], { type: "image/svg+xml" }), file);
    saved(file);
  };

  return { exportPng, exportSvg };
}
