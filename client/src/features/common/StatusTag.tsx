import { Tag } from "antd";
import { useI18n } from "../../i18n/I18nProvider";
import { STANDARD_PALETTE, statusStyle } from "../../model/palette";
import type { SegmentStatus } from "../../model/status";
import { statusLabel } from "../../model/status";

/**
 * A status label in the map's own colours, with the map's border style. Given the local
 * firm count, a bottleneck without local firms reads 卡点·缺链, as the map draws it.
 */
export function StatusTag({ status, localFirmCount }: { status: SegmentStatus; localFirmCount?: number }) {
  const { t } = useI18n();
  const firms = localFirmCount ?? 1;
  const style = statusStyle(STANDARD_PALETTE, status, firms);
  return (
    <Tag
      style={{
        background: style.fill,
        color: style.text,
        borderColor: style.border,
        borderStyle: style.borderStyle === "double" ? "double" : style.borderStyle,
        borderWidth: style.borderStyle === "double" ? 3 : 1,
        fontWeight: 600,
      }}
      data-testid={`status-${status}`}
    >
      {statusLabel(t, status, firms)}
    </Tag>
  );
}
