/**
 * Hidden from sight but kept in the accessibility tree (and clickable by script): the file inputs
 * a button opens, the chart's table for screen readers. Spread into a makeStyles rule.
 */
export const VISUALLY_HIDDEN = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
} as const;
