/** The pipeline statuses' colours: cold to warm as a target comes closer, grey when given up. */
import type { EntryStatus } from "../../../../server/model/domain";

export const ENTRY_STATUS_COLORS: Record<EntryStatus, string> = {
  待接触: "#8c8c8c",
  已对接: "#1677ff",
  洽谈中: "#d48806",
  已签约: "#389e0d",
  已落地: "#135200",
  已放弃: "#bfbfbf",
};
