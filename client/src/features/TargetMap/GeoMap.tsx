/**
 * The one component that owns 招商地图's ECharts instance: loads the outlines of the level
 * shown (shipped with the app in client/src/geo/, each file its own chunk, fetched the first
 * time a view needs it), registers them, draws the option model/geoMap.ts builds, reports a
 * click on a region, and saves itself as a PNG with its title and legend. Only the chart parts
 * the map needs are registered here, so no other screen's bundle carries them.
 */
import { LinesChart, MapChart, ScatterChart } from "echarts/charts";
import { GeoComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapPiecewiseComponent } from "echarts/components";
import { getMap, init, registerMap, use, type EChartsCoreOption, type EChartsType } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import { downloadBlob } from "../common/download";

use([MapChart, ScatterChart, LinesChart, GeoComponent, TitleComponent, LegendComponent, TooltipComponent, VisualMapPiecewiseComponent, CanvasRenderer]);

declare global {
  interface Window {
    /** The map on screen, for the browser tests to find where a region is drawn. */
    __geoMap?: EChartsType;
  }
}

interface Outlines {
  type: "FeatureCollection";
  features: { properties: { code: string; name: string } }[];
}

/** The outlines of `file` ("china" or a province's code), registered under `name` once. */
export async function loadOutlines(file: string, name: string): Promise<Outlines> {
  const known = getMap(name) as { geoJSON?: Outlines } | null;
  if (known?.geoJSON) return known.geoJSON;
  const outlines = ((await import(`../../geo/${file}.json`)) as { default: Outlines }).default;
  registerMap(name, outlines as never);
  return outlines;
}

export interface GeoMapHandle {
  savePng(fileName: string): void;
}

interface Props {
  /** The option to draw; its geo.map must be registered (loadOutlines) before it is given. */
  option: EChartsCoreOption | null;
  height: number | string;
  label: string;
  onRegion(code: string): void;
  testId?: string;
}

export const GeoMap = forwardRef<GeoMapHandle, Props>(function GeoMap({ option, height, label, onRegion, testId }, ref) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onRegion);
  click.current = onRegion;
  const [drawn, setDrawn] = useState("");

  useEffect(() => {
    const instance = init(box.current!, undefined, { renderer: "canvas" });
    chart.current = instance;
    window.__geoMap = instance;
    // A region, or a disc on one: both carry the region's code.
    instance.on("click", (params) => {
      const data = params.data as { code?: string } | undefined;
      const code = data?.code ?? params.name;
      if (code) click.current(code);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      if (window.__geoMap === instance) delete window.__geoMap;
    };
  }, []);

  useEffect(() => {
    if (!chart.current || !option) return;
    chart.current.setOption(option, true);
    setDrawn((option as { geo: { map: string } }).geo.map);
  }, [option]);

  useImperativeHandle(ref, () => ({
    savePng(fileName: string) {
      const url = chart.current?.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
      if (!url) return;
      // Decoded here: the page's content policy lets no fetch read a data: URL.
      const bytes = Uint8Array.from(atob(url.slice(url.indexOf(",") + 1)), (c) => c.charCodeAt(0));
      downloadBlob(new Blob([bytes], { type: "image/png" }), `${fileName}.png`);
    },
  }));

  return <div ref={box} className="geo-map-canvas" style={{ height }} role="img" aria-label={label} data-testid={testId} data-drawn={drawn || undefined} />;
});
