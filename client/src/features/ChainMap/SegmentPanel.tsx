/**
 * Details of the selected segment: why it has its status, its local firms and projects,
 * its supply links. Editors change the segment, its links and its firms here.
 */
import { Button, Descriptions, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import type { ChainMap, MapSegment } from "../../../../server/model/api";
import { useI18n } from "../../i18n/I18nProvider";
import { formatMoney } from "../../model/format";
import type { SegmentDiagnosis } from "../../model/status";
import { paths } from "../../model/paths";
import { groupFirmsBySegment } from "../../model/elements";
import { StatusTag } from "../common/StatusTag";
import { useSourceLabel } from "../common/useSourceLabel";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { SegmentTargets } from "./SegmentTargets";
import { FlagControl } from "../Gaps/FlagControl";
import { flagUnsaid } from "../../model/gaps";
import { AddFirmToSegment } from "../Editing/AddFirmToSegment";
import { LeaderButton, UnlinkButton } from "../Editing/FirmActions";
import { FeedsEditor } from "../Editing/FeedsEditor";
import { SegmentEditControls } from "../Editing/SegmentEditControls";
import { useSession } from "../Session/SessionProvider";

interface Props {
  map: ChainMap;
  segment: MapSegment;
  diagnosis: SegmentDiagnosis;
  expanded: boolean;
  onToggleExpand(): void;
  /** After a change (a flag, the segment, its links or firms): the map reloads. */
  onChanged(): void;
  /** After the segment was deleted: the map reloads and the selection clears. */
  onDeleted(): void;
  chainNames: ReadonlyMap<string, string>;
}

export function SegmentPanel({ map, segment, diagnosis, expanded, onToggleExpand, onChanged, onDeleted, chainNames }: Props) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const sourceOf = useSourceLabel();
  const firms = groupFirmsBySegment(map.firms).get(segment.id) ?? [];
  // The zone's firms here whose 登记状态 says they are closed: shown as such, never as cover.
  const closedFirms = groupFirmsBySegment(map.closedFirms ?? []).get(segment.id) ?? [];
  const projects = map.projects.filter((p) => p.segmentIds.includes(segment.id));
  // Why, in the gap diagnosis' own sentences: who covers the segment, then each gap.
  const gaps = useApi(api.chainGaps(map.zone.id, map.chain.id));
  const serverDiagnosis = gaps.status === "ready" ? gaps.data.segments.find((s) => s.segmentId === segment.id) : undefined;
  const reasons = serverDiagnosis ? [serverDiagnosis.coverage, ...serverDiagnosis.gaps.map((g) => g.reason)] : [gaps.status === "error" ? t("request.failed") : t("request.loading")];
  return (
    <div className="segment-panel" data-testid="segment-panel" data-segment-id={segment.id}>
      <Typography.Title level={3} className="panel-title">
        {segment.leader && <span className="leader-mark" title={t("status.leader")}>★ </span>}
        {segment.name}
      </Typography.Title>
      <Space wrap>
        <Tag>{t(`stage.${segment.stage}`)}</Tag>
        <StatusTag status={diagnosis.status} localFirmCount={segment.localFirmCount} />
      </Space>

      <section aria-label={t("panel.why")}>
        <Typography.Title level={5}>{t("panel.why")}</Typography.Title>
        <ul className="reasons" data-testid="status-reasons">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
          {serverDiagnosis?.flag && flagUnsaid(serverDiagnosis) && (
            <li>
              {t("panel.flag", { note: serverDiagnosis.flag.note, by: serverDiagnosis.flag.flaggedBy, date: serverDiagnosis.flag.flaggedAt.slice(0, 10) })}
            </li>
          )}
          {serverDiagnosis?.filling.map((project) => (
            <li key={project.id}>{t("panel.filling", { project: project.name, firm: project.firmName, status: project.status })}</li>
          ))}
        </ul>
      </section>

      <Space wrap>
        <Button onClick={onToggleExpand} disabled={firms.length === 0} data-testid="toggle-expand">
          {expanded ? t("panel.collapse") : t("panel.expand")}
        </Button>
        {serverDiagnosis && (
          <FlagControl
            zoneId={map.zone.id}
            segment={serverDiagnosis}
            onChanged={() => {
              gaps.refresh();
              onChanged();
            }}
          />
        )}
        <SegmentEditControls segment={segment} onChanged={onChanged} onDeleted={onDeleted} />
      </Space>

      <section>
        <div className="section-head">
          <Typography.Title level={5}>{t("panel.localFirms", { count: firms.length })}</Typography.Title>
          {can.edit && <AddFirmToSegment zone={map.zone} segment={segment} present={new Set(firms.map((f) => f.id))} onChanged={onChanged} />}
        </div>
        {firms.length === 0 ? (
          <Typography.Text type="secondary">{t("panel.noLocalFirms")}</Typography.Text>
        ) : (
          <ul className="plain-list" data-testid="segment-firms">
            {firms.map((firm) => {
              const link = firm.segments.find((s) => s.segmentId === segment.id);
              return (
                <li key={firm.id} className="firm-row" data-testid="segment-firm">
                  <Link to={paths.firm(firm.id)} className="firm-name">
                    {firm.isLeader && <span className="leader-mark">★ </span>}
                    {firm.name}
                  </Link>
                  <div className="firm-meta">
                    {t("panel.capital")} {formatMoney(firm.capital, locale)}
                    {link?.products ? ` · ${t("panel.products")}：${link.products}` : ""}
                  </div>
                  {firm.tags.length > 0 && (
                    <div>
                      {firm.tags.map((tag) => (
                        <Tag key={tag} color="blue">
                          {tag}
                        </Tag>
                      ))}
                    </div>
                  )}
                  {can.edit && (
                    <div className="row-actions">
                      <LeaderButton zoneId={map.zone.id} chainId={map.chain.id} firmId={firm.id} firmName={firm.name} isLeader={firm.isLeader} onChanged={onChanged} />
                      <UnlinkButton
                        firmId={firm.id}
                        firmName={firm.name}
                        segmentId={segment.id}
                        segmentName={segment.name}
                        version={firm.segments.find((s) => s.segmentId === segment.id)!.version}
                        onChanged={onChanged}
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {closedFirms.length > 0 && (
          <div className="closed-firms" data-testid="segment-closed-firms">
            <Typography.Text type="secondary">{t("map.closedFirms")}：</Typography.Text>
            {closedFirms.map((firm) => (
              <Link key={firm.id} to={paths.firm(firm.id)} className="firm-name closed-firm">
                <Tag color="default">{firm.name}</Tag>
              </Link>
            ))}
          </div>
        )}
      </section>

      <FeedsEditor map={map} segment={segment} chainNames={chainNames} onChanged={onChanged} />

      {diagnosis.status !== "strong" && <SegmentTargets zoneId={map.zone.id} chainId={map.chain.id} segmentId={segment.id} />}

      <section>
        <Typography.Title level={5}>{t("panel.projects", { count: projects.length })}</Typography.Title>
        {projects.length === 0 ? (
          <Typography.Text type="secondary">{t("panel.noProjects")}</Typography.Text>
        ) : (
          <ul className="plain-list" data-testid="segment-projects">
            {projects.map((project) => (
              <li key={project.id} className="firm-row">
                <div className="firm-name">
                  {project.name} <Tag color="geekblue">{project.status}</Tag>
                </div>
                <div className="firm-meta">
                  <Link to={paths.firm(project.firmId)}>{project.firmName}</Link>
                  {" · "}
                  {t("panel.investment")} {formatMoney(project.investment, locale)}
                  {project.statusOn ? ` · ${t("panel.statusOn", { date: project.statusOn })}` : ""}
                </div>
                {project.description && <div className="firm-meta">{project.description}</div>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <Descriptions size="small" column={1} className="segment-facts">
        {segment.description && <Descriptions.Item label={t("panel.description")}>{segment.description}</Descriptions.Item>}
        {segment.industryCodes.length > 0 && (
          <Descriptions.Item label={t("panel.industryCodes")}>{segment.industryCodes.join("、")}</Descriptions.Item>
        )}
        {segment.keywords.length > 0 && <Descriptions.Item label={t("panel.keywords")}>{segment.keywords.join("、")}</Descriptions.Item>}
        <Descriptions.Item label={t("panel.source")}>
          <span data-testid="segment-source-label">{sourceOf(segment.source)}</span>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
