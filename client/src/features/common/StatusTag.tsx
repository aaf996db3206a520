import { Tag } from "antd";
import { useI18n } from "../../i18n/I18nProvider";
import { STANDARD_PALETTE } from "../../model/palette";
import type { SegmentStatus } from "../../model/status";

/** A status label in the map's own colours, with the map's border style. */
export function StatusTag({ status }: { status: SegmentStatus }) {
  const { t } = useI18n();
  const style = STANDARD_PALETTE.status[status];
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
      {t(`status.${status}`)}
    </Tag>
  );
}
