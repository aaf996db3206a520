/**
 * One Apache ECharts chart: owns its instance, follows its box's size, and saves itself as
 * a PNG. Only the chart kinds and parts the app draws are registered (echarts/core), so
 * the bundle carries no more of ECharts than that.
 */
import { Button } from "antd";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { init, use, type EChartsType } from "echarts/core";
import type { BarSeriesOption, LineSeriesOption } from "echarts/charts";
import type { GridComponentOption, TooltipComponentOption } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { FONT_FAMILY } from "../../model/palette";
import { downloadBlob } from "./download";

use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption>;

const TREND_COLOUR = "#1f4e8c";

/**
 * A chain's completeness by day, as a line from 0 to 100 %: the cockpit's trend (shaded,
 * with a tooltip in `tooltipFont` px) and the report's one-line sparkline.
 */
export function completenessTrendOption(
  trend: readonly { day: string; completeness: number }[],
  { lineWidth, inset, tooltipFont }: { lineWidth: number; inset: { x: number; y: number }; tooltipFont?: number },
): ChartOption {
  return {
    grid: { left: inset.x, right: inset.x, top: inset.y, bottom: inset.y },
    xAxis: { type: "category", show: false, data: trend.map((p) => p.day) },
    yAxis: { type: "value", show: false, min: 0, max: 100 },
    ...(tooltipFont ? { tooltip: { trigger: "axis", valueFormatter: (v) => `${v}%`, textStyle: { fontSize: tooltipFont } } } : {}),
    series: [
      {
        type: "line",
        data: trend.map((p) => Math.round(p.completeness * 100)),
        symbol: "none",
        lineStyle: { color: TREND_COLOUR, width: lineWidth },
        itemStyle: { color: TREND_COLOUR },
        ...(tooltipFont ? { areaStyle: { color: "rgba(31,78,140,0.12)" } } : {}),
      },
    ],
  };
}

interface Props {
  option: ChartOption;
  height: number;
  /** The PNG's file name, without extension; no name: no export button (a sparkline). */
  exportName?: string;
  testId?: string;
  /** For screen readers: what the chart shows, in words. */
  label: string;
}

export function EChart({ option, height, exportName, testId, label }: Props) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const chartBox = box.current!;
    const instance = init(chartBox, undefined, { renderer: "canvas" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(chartBox);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT_FAMILY }, animation: false, ...option }, true);
  }, [option]);

  const savePng = () => {
    const url = chart.current?.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    if (!url) return;
    // Decoded here: the page's content policy lets no fetch read a data: URL.
    const bytes = Uint8Array.from(atob(url.slice(url.indexOf(",") + 1)), (c) => c.charCodeAt(0));
    downloadBlob(new Blob([bytes], { type: "image/png" }), `${exportName}.png`);
  };

  return (
    <div className="echart">
      <div ref={box} style={{ height }} role="img" aria-label={label} data-testid={testId} />
      {exportName && (
        <Button size="small" type="link" className="echart-export" onClick={savePng} data-testid={testId ? `${testId}-png` : undefined}>
          {t("chart.png")}
        </Button>
      )}
    </div>
  );
}
