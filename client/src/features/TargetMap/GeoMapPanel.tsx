/**
 * 招商地图 beside a targets table or a target list: where the firms are, province by
 * province and city by city, with a breadcrumb back up (全国 › 河北省 › 唐山市). A click on
 * a region drills down and sets the page's area filter, which narrows the table too. Saves
 * as a PNG with title and legend; meeting mode fills the screen with large type.
 */
import { Breadcrumb, Button, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import type { RegionTally } from "../../../../server/model/api";
import type { ApiRequest } from "../../api/client";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import type { Geography, GeoWords } from "../../model/geoMap";
import { drillTarget, GEO_MEETING_STYLE, GEO_STYLE, geoMapOption, isRanking, mapName, outlineFile, parentArea, regionsShown, unplacedCount } from "../../model/geoMap";
import { FONT_FAMILY } from "../../model/palette";
import { formatPoints } from "../../model/scoreBar";
import { RequestError } from "../common/RequestState";
import { GeoMap, loadOutlines, type GeoMapHandle } from "./GeoMap";

interface Props {
  request: ApiRequest<Geography>;
  /** Sets the page's area filter (null: all of China). */
  onArea(code: string | null): void;
  meeting: boolean;
  onMeeting(on: boolean): void;
  /** The PNG's file name, without extension. */
  exportName: string;
}

/** 河北 for 河北省, 唐山 for 唐山市: labels on a crowded map (the side list names them in full). */
const shortName = (name: string) => name.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$/u, "") || name;

export function GeoMapPanel({ request, onArea, meeting, onMeeting, exportName }: Props) {
  const { t } = useI18n();
  const state = useApi(request);
  // The last map stays on screen while the next level loads.
  const last = useRef<Geography | null>(null);
  if (state.status === "ready") last.current = state.data;
  const g = state.data ?? last.current;
  const chart = useRef<GeoMapHandle>(null);

  const file = g ? outlineFile(g) : null;
  const [names, setNames] = useState<{ file: string; names: Map<string, string> } | null>(null);
  const [outlineError, setOutlineError] = useState<Error | null>(null);
  useEffect(() => {
    if (!file) return;
    let current = true;
    loadOutlines(file, mapName(file))
      .then((outlines) => current && setNames({ file, names: new Map(outlines.features.map((f) => [f.properties.code, f.properties.name])) }))
      .catch((error: Error) => current && setOutlineError(error));
    return () => {
      current = false;
    };
  }, [file]);

  // Esc leaves meeting mode, as it does the chain map's.
  useEffect(() => {
    if (!meeting) return;
    const leave = (event: KeyboardEvent) => event.key === "Escape" && onMeeting(false);
    window.addEventListener("keydown", leave);
    return () => window.removeEventListener("keydown", leave);
  }, [meeting, onMeeting]);

  const title = g ? (isRanking(g) ? t("geo.titleTargets", { zone: g.zone.shortName, chain: g.chain.name }) : t("geo.titleList", { list: g.list.name, zone: g.zone.shortName })) : "";
  const where = g ? [t("geo.china"), ...g.trail.map((r) => r.name)].join(" › ") : "";
  // What is counted: the table's rows (by score, or by 补链效果 among the first by score), or the list's entries.
  const shownWords = (g: Geography) =>
    !isRanking(g)
      ? t("geo.subtitleList", { count: g.entryCount })
      : g.order === "score"
        ? t("geo.subtitleTargets", { shown: g.shown, candidates: g.candidateCount })
        : t(g.orderedAmong < g.candidateCount ? "geo.subtitleEffect" : "geo.subtitleEffectAll", { shown: g.shown, among: g.orderedAmong, candidates: g.candidateCount });

  const option = useMemo(() => {
    if (!g || !file || names?.file !== file) return null;
    const style = meeting ? GEO_MEETING_STYLE : GEO_STYLE;
    const statusText = (r: RegionTally) =>
      Object.entries(r.statuses ?? {})
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${s} ${n}`)
        .join("，");
    const words: GeoWords = {
      title,
      subtitle: `${shownWords(g)} · ${where} · ${t("geo.boundaries")}`,
      countLegend: t("geo.countLegend"),
      bins: (bin) => (bin.max === undefined ? t("geo.binOpen", { min: bin.min }) : bin.max === bin.min ? t("geo.binOne", { min: bin.min }) : t("geo.bin", { min: bin.min, max: bin.max })),
      best: t("geo.best"),
      entries: t("geo.entries"),
      signed: t("geo.signed"),
      zone: t("geo.zone"),
      near: (km) => t("geo.near", { km }),
      far: (km) => t("geo.far", { km }),
      projects: t("geo.projects"),
      regionLabel: (r) => t("geo.label", { name: shortName(r.name), count: r.count }),
      tooltip: (r, code) => {
        const name = r?.name ?? names.names.get(code) ?? code;
        if (!r) return t("geo.tooltipNone", { name });
        return r.best
          ? t("geo.tooltipTargets", { name, count: r.count, score: formatPoints(r.best.score), firm: r.best.name })
          : t("geo.tooltipList", { name, count: r.count, statuses: statusText(r) });
      },
      projectTooltip: (list) => t("geo.projectTooltip", { names: list.join("；") }),
    };
    return geoMapOption({ geography: g, map: mapName(file), outlines: names.names, style, words, fontFamily: FONT_FAMILY });
  }, [g, file, names, meeting, title, where, t]);

  const drill = (code: string) => {
    if (!g) return;
    const next = drillTarget(g, code);
    if (next) onArea(next);
  };

  if (state.status === "error" && !g) return <RequestError error={state.error} onRetry={state.retry} />;
  const shown = g ? regionsShown(g) : [];
  const unplaced = g ? unplacedCount(g) : 0;
  const outlined = (code: string | null) => !!code && !!names?.names.has(code);

  return (
    <section className={meeting ? "geo-panel geo-meeting" : "geo-panel"} data-testid="geo-panel" aria-label={t("geo.show")}>
      <div className="geo-bar">
        <Breadcrumb
          className="geo-crumbs"
          data-testid="geo-crumbs"
          items={[
            { key: "china", title: g?.area ? <a onClick={() => onArea(null)} data-testid="geo-crumb-china">{t("geo.china")}</a> : <span data-testid="geo-crumb-china">{t("geo.china")}</span> },
            ...(g?.trail ?? []).map((r, i, trail) => ({
              key: r.code,
              title:
                i < trail.length - 1 ? (
                  <a onClick={() => onArea(r.code)} data-testid={`geo-crumb-${r.code}`}>
                    {r.name}
                  </a>
                ) : (
                  <span data-testid={`geo-crumb-${r.code}`}>{r.name}</span>
                ),
            })),
          ]}
        />
        <Typography.Text type="secondary" className="geo-hint">
          {g && isRanking(g) ? t("geo.hintTargets") : t("geo.hintList")}
        </Typography.Text>
        <span className="toolbar-spacer" />
        {g?.area && (
          <Button onClick={() => onArea(parentArea(g.trail))} data-testid="geo-up">
            {t("geo.up")}
          </Button>
        )}
        <Button onClick={() => chart.current?.savePng(`${exportName}${g?.area ? `-${g.area.name}` : ""}`)} disabled={!option} data-testid="geo-png">
          {t("geo.png")}
        </Button>
        <Button type={meeting ? "primary" : "default"} onClick={() => onMeeting(!meeting)} data-testid="geo-meeting">
          {meeting ? t("geo.leaveMeeting") : t("geo.meeting")}
        </Button>
      </div>
      {outlineError && (
        <Typography.Text type="danger" data-testid="geo-outline-error">
          {t("request.failed")}：{outlineError.message}
        </Typography.Text>
      )}
      <div className="geo-body">
        <GeoMap ref={chart} option={option} height={meeting ? "100%" : 560} label={`${title} ${where}`} onRegion={drill} testId="geo-map" />
        <aside className="geo-side" data-testid="geo-side">
          <div className="geo-side-title">{t("geo.sideTitle", { where: g?.area?.name ?? t("geo.china") })}</div>
          {g && shown.length === 0 && unplaced === 0 && <div className="geo-side-empty">{t("geo.noFirms")}</div>}
          <ol className="geo-side-list">
            {shown.map((r) => {
              const next = g && r.code ? drillTarget(g, r.code) : null;
              const body = (
                <>
                  <span className="geo-side-name">
                    {r.name}
                    {!outlined(r.code) && <span className="geo-side-note">{t("geo.noOutline")}</span>}
                  </span>
                  <b className="geo-side-count">{t("geo.count", { count: r.count })}</b>
                  <span className="geo-side-meta">
                    {r.best
                      ? t("geo.bestOf", { score: formatPoints(r.best.score), firm: r.best.name })
                      : Object.entries(r.statuses ?? {})
                          .filter(([, n]) => n > 0)
                          .map(([s, n]) => `${s} ${n}`)
                          .join(" · ")}
                  </span>
                </>
              );
              return (
                <li key={r.code} data-testid={`geo-side-${r.code}`}>
                  {next ? (
                    <button type="button" className="geo-side-row" onClick={() => onArea(next)}>
                      {body}
                    </button>
                  ) : (
                    <div className="geo-side-row">{body}</div>
                  )}
                </li>
              );
            })}
            {unplaced > 0 && (
              <li data-testid="geo-side-unplaced">
                <div className="geo-side-row">
                  <span className="geo-side-name">{g?.area ? t("geo.unplaced") : t("geo.unknown")}</span>
                  <b className="geo-side-count">{t("geo.count", { count: unplaced })}</b>
                </div>
              </li>
            )}
          </ol>
        </aside>
      </div>
    </section>
  );
}
