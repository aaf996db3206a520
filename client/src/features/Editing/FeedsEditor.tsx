/**
 * 供给关系 of the selected segment: which segments supply it (上游) and which it supplies
 * (下游), across chains too. Editors add and remove links; a link that would close a
 * supply cycle is named in full and added only when confirmed.
 */
import { App, Button, Popconfirm, Typography } from "antd";
import { useMemo, useState } from "react";
import type { ChainMap, MapSegment } from "../../../../server/model/api";
import { FeedsCycleDetails } from "../../../../server/model/api";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { useI18n } from "../../i18n/I18nProvider";
import { neighbours } from "../../model/feeds";
import type { FeedDirection as Direction, Neighbour } from "../../model/feeds";
import { useSession } from "../Session/SessionProvider";
import type { PickableSegment } from "./SegmentPicker";
import { SegmentPicker } from "./SegmentPicker";

interface Props {
  map: ChainMap;
  segment: MapSegment;
  chainNames: ReadonlyMap<string, string>;
  onChanged(): void;
}

export function FeedsEditor({ map, segment, chainNames, onChanged }: Props) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const links = useMemo(() => neighbours(map, segment.id, chainNames), [map, segment.id, chainNames]);
  const [picking, setPicking] = useState<Record<Direction, PickableSegment | null>>({ in: null, out: null });
  const [busy, setBusy] = useState<string | null>(null);
  const chainName = chainNames.get(map.chain.id) ?? map.chain.name;
  const local: PickableSegment[] = map.segments.map((s) => ({ id: s.id, name: s.name, chainId: map.chain.id, chainName }));

  const ends = (direction: Direction, other: string) => (direction === "in" ? { from: other, to: segment.id } : { from: segment.id, to: other });

  const add = async (direction: Direction, other: PickableSegment, confirmCycle = false) => {
    const { from, to } = ends(direction, other.id);
    setBusy(`add-${direction}`);
    try {
      await actions.addFeeds(from, to, confirmCycle);
      void message.success(t("feeds.added", { from: direction === "in" ? other.name : segment.name, to: direction === "in" ? segment.name : other.name }));
      setPicking((p) => ({ ...p, [direction]: null }));
      onChanged();
    } catch (error) {
      const cycle = error instanceof ApiError && error.code === "feeds_cycle" ? FeedsCycleDetails.safeParse(error.details) : null;
      if (cycle?.success) {
        const path = cycle.data.cycle.map((s) => s.name).join(" → ");
        modal.confirm({
          title: t("feeds.cycleTitle"),
          content: (
            <div data-testid="feeds-cycle">
              <p>{t("feeds.cycle")}</p>
              <p className="cycle-path">{path}</p>
            </div>
          ),
          okText: t("feeds.cycleConfirm"),
          cancelText: t("common.cancel"),
          okButtonProps: { "data-testid": "feeds-cycle-confirm" },
          onOk: () => add(direction, other, true),
        });
      } else void message.error(t("action.failed", { reason: error instanceof ApiError ? error.message : String(error) }));
    } finally {
      setBusy(null);
    }
  };

  const remove = async (direction: Direction, other: Neighbour) => {
    const { from, to } = ends(direction, other.id);
    setBusy(`remove-${from}-${to}`);
    try {
      await actions.removeFeeds(from, to);
      void message.success(t("feeds.removed"));
      onChanged();
    } catch (error) {
      void message.error(t("action.failed", { reason: error instanceof ApiError ? error.message : String(error) }));
    } finally {
      setBusy(null);
    }
  };

  const section = (direction: Direction) => {
    const items = links[direction];
    const linked = new Set([segment.id, ...items.map((n) => n.id)]);
    const picked = picking[direction];
    return (
      <div className="feeds-side" data-testid={`feeds-${direction}`}>
        <div className="feeds-heading">{t(direction === "in" ? "feeds.in" : "feeds.out")}</div>
        {items.length === 0 ? (
          <Typography.Text type="secondary">{t("feeds.none")}</Typography.Text>
        ) : (
          <ul className="compact-list">
            {items.map((n) => {
              const { from, to } = ends(direction, n.id);
              return (
                <li key={n.id} className="feeds-item" data-testid={`feeds-${direction}-${n.id}`}>
                  <span>
                    {n.name}
                    {n.chainName && <span className="search-context"> · {n.chainName}</span>}
                  </span>
                  {can.edit && (
                    <Popconfirm
                      title={t("feeds.removeConfirm", { from: direction === "in" ? n.name : segment.name, to: direction === "in" ? segment.name : n.name })}
                      onConfirm={() => remove(direction, n)}
                      okText={t("common.ok")}
                      cancelText={t("common.cancel")}
                    >
                      <Button type="text" size="small" danger loading={busy === `remove-${from}-${to}`} aria-label={t("feeds.remove")} data-testid={`feeds-remove-${from}-${to}`}>
                        ✕
                      </Button>
                    </Popconfirm>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {can.edit && (
          <div className="feeds-add">
            <SegmentPicker
              local={local}
              exclude={linked}
              value={picked?.id ?? null}
              onChange={(s) => setPicking((p) => ({ ...p, [direction]: s }))}
              placeholder={t(direction === "in" ? "feeds.addIn" : "feeds.addOut")}
              testId={`feeds-pick-${direction}`}
            />
            <Button onClick={() => picked && void add(direction, picked)} disabled={!picked} loading={busy === `add-${direction}`} data-testid={`feeds-add-${direction}`}>
              {t("feeds.add")}
            </Button>
          </div>
        )}
      </div>
    );
  };

  return (
    <section className="feeds-editor" aria-label={t("feeds.title")}>
      <Typography.Title level={5}>{t("feeds.title")}</Typography.Title>
      {section("in")}
      {section("out")}
    </section>
  );
}
