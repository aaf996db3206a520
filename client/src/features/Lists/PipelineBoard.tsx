/**
 * The pipeline board: a column per status, a card per target. A card moves by dragging
 * it to another column, or — from the keyboard — with the status select on the card.
 * Viewers see the board as it stands, without moving anything.
 */
import { Select, Tag } from "antd";
import { useState } from "react";
import type { DragEvent } from "react";
import type { ListEntry } from "../../../../server/model/api";
import type { EntryStatus } from "../../../../server/model/domain";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDate, formatMoney } from "../../model/format";
import { BOARD_STATUSES, GIVEN_UP, groupByStatus, isOverdue, parseDropStatus } from "../../model/pipeline";
import { formatPoints } from "../../model/scoreBar";
import { useSession } from "../Session/SessionProvider";
import { ENTRY_STATUS_COLORS } from "./entryStatus";

/** The drag payload's type: other things dragged onto the board (text, files) are ignored. */
const DRAG_TYPE = "application/x-chainatlas-entry";

interface Props {
  entries: ListEntry[];
  busy: ReadonlySet<string>;
  onMove(entry: ListEntry, status: EntryStatus): void;
  onOpen(entry: ListEntry): void;
}

export function PipelineBoard({ entries, busy, onMove, onOpen }: Props) {
  const { t } = useI18n();
  const columns = groupByStatus(entries);
  const [over, setOver] = useState<EntryStatus | null>(null);
  const today = formatDate(new Date());

  const drop = (status: EntryStatus) => (event: DragEvent) => {
    event.preventDefault();
    setOver(null);
    const entryId = event.dataTransfer.getData(DRAG_TYPE);
    const entry = entries.find((e) => e.id === entryId);
    if (entry && parseDropStatus(status) && entry.status !== status) onMove(entry, status);
  };

  return (
    <div className="board" data-testid="pipeline-board">
      {BOARD_STATUSES.map((status) => (
        <section
          key={status}
          className={`board-column${over === status ? " drop-over" : ""}${status === GIVEN_UP ? " given-up" : ""}`}
          data-testid={`column-${status}`}
          data-status={status}
          aria-label={t("board.column", { status: t(`entry.${status}`), count: columns[status].length })}
          onDragOver={(event) => {
            if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = "move";
            if (over !== status) setOver(status);
          }}
          onDragLeave={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(null);
          }}
          onDrop={drop(status)}
        >
          <header className="board-column-head" style={{ borderTopColor: ENTRY_STATUS_COLORS[status] }}>
            <span>{t(`entry.${status}`)}</span>
            <span className="board-count">{columns[status].length}</span>
          </header>
          <div className="board-cards">
            {columns[status].length === 0 && <div className="board-empty">{t("board.dropHere")}</div>}
            {columns[status].map((entry) => (
              <EntryCard key={entry.id} entry={entry} busy={busy.has(entry.id)} today={today} onMove={onMove} onOpen={onOpen} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

function EntryCard({ entry, busy, today, onMove, onOpen }: { entry: ListEntry; busy: boolean; today: string; onMove: Props["onMove"]; onOpen: Props["onOpen"] }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const overdue = isOverdue(entry.nextContactOn, today) && entry.status !== GIVEN_UP && entry.status !== "已落地";
  return (
    <article
      className={`entry-card${busy ? " busy" : ""}`}
      draggable={can.edit && !busy}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, entry.id);
        event.dataTransfer.setData("text/plain", entry.firm.name);
        event.dataTransfer.effectAllowed = "move";
      }}
      data-testid={`entry-${entry.firm.id}`}
      data-entry-id={entry.id}
      data-status={entry.status}
      aria-busy={busy}
    >
      <button type="button" className="entry-open" onClick={() => onOpen(entry)} data-testid="entry-open">
        {entry.firm.name}
      </button>
      <div className="firm-meta">
        {entry.segmentName} · {entry.region.split(" ").slice(0, 2).join(" ")}
      </div>
      {(entry.firm.capital != null || entry.score != null) && (
        <div className="firm-meta">
          {[entry.firm.capital != null ? formatMoney(entry.firm.capital, locale) : null, entry.score != null ? t("board.score", { score: formatPoints(entry.score) }) : null]
            .filter(Boolean)
            .join(" · ")}
        </div>
      )}
      <div className="entry-facts">
        <span>
          {t("board.owner")}：{entry.ownerTeam || <span className="muted">{t("board.noOwner")}</span>}
        </span>
        <span className={overdue ? "overdue" : undefined}>
          {t("board.next")}：{entry.nextContactOn ?? <span className="muted">{t("board.noDate")}</span>}
          {overdue && <Tag color="red">{t("board.overdue")}</Tag>}
        </span>
      </div>
      {can.edit ? (
      <Select
        size="small"
        value={entry.status}
        disabled={busy}
        onChange={(status: EntryStatus) => onMove(entry, status)}
        options={BOARD_STATUSES.map((s) => ({ value: s, label: t(`entry.${s}`) }))}
        aria-label={t("board.moveTo", { firm: entry.firm.name })}
        className="entry-status"
        data-testid="entry-status"
        popupMatchSelectWidth={false}
      />
      ) : (
        <Tag color={ENTRY_STATUS_COLORS[entry.status]} className="entry-status" data-testid="entry-status-tag">
          {t(`entry.${entry.status}`)}
        </Tag>
      )}
    </article>
  );
}
