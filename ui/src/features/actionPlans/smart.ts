import type { Smart, SmartCriterion } from "../../ipc/api";

/** The SMART criteria in their order, with the key each has in a `Smart` check. */
export const SMART_CRITERIA: readonly { criterion: SmartCriterion; key: keyof Smart; letter: string }[] = [
  { criterion: "specific", key: "specific", letter: "S" },
  { criterion: "measurable", key: "measurable", letter: "M" },
  { criterion: "achievable", key: "achievable", letter: "A" },
  { criterion: "related", key: "related", letter: "R" },
  { criterion: "time_bound", key: "timeBound", letter: "T" },
];

export const NOTHING_TICKED: Smart = {
  specific: false,
  measurable: false,
  achievable: false,
  related: false,
  timeBound: false,
};
