import { makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../core/model/i18n";
import { chartTitle, RoadmapChartData } from "../core/report/roadmap-chart";
import { VISUALLY_HIDDEN } from "./visually-hidden";

/**
 * The roadmap chart in the pane: the appendix sheet's chart (plan and actual clubs per unit,
 * cumulative to the reference year) drawn as inline SVG, a clustered column chart without a chart
 * library. Screen readers get a one-sentence summary on the image and the numbers in a visually
 * hidden table; sighted users get the exact numbers of a bar in its tooltip.
 */

const TEXT = {
  vi: {
    unit: "Đơn vị",
    plan: "Kế hoạch",
    actual: "Thực hiện",
    bar: (unit: string, plan: number, actual: number) =>
      `${unit}: kế hoạch ${plan}, thực hiện ${actual}`,
    summary: (title: string, units: number, behind: number) =>
      `${title}: ${units} đơn vị, ${behind} đơn vị thực hiện thấp hơn kế hoạch. Số liệu ở bảng sau biểu đồ.`,
  },
  en: {
    unit: "Unit",
    plan: "Plan",
    actual: "Actual",
    bar: (unit: string, plan: number, actual: number) => `${unit}: plan ${plan}, actual ${actual}`,
    summary: (title: string, units: number, behind: number) =>
      `${title}: ${units} ${units === 1 ? "unit" : "units"}, ${behind} below plan. The numbers are in the table after the chart.`,
  },
} as const;

const useStyles = makeStyles({
  root: { position: "relative" },
  svg: { display: "block", width: "100%", height: "auto", maxWidth: "480px" },
  hidden: VISUALLY_HIDDEN,
});

/** Drawing units of the viewBox (the SVG scales to the pane's width). */
const WIDTH = 360;
const FONT = 11;
const TITLE_FONT = 13;
/** An average letter of the pane's font is about 0.55 em wide. */
const CHAR = 0.55 * FONT;
const PLOT_TOP = 52;
const PLOT_HEIGHT = 160;
const LEFT = 34;
const RIGHT = 8;
const MAX_LABEL = 18;
const MAX_BAR = 22;

/** The smallest round tick step (1, 2 or 5 × 10ⁿ, at least 1: counts are whole) with at most five steps. */
export function tickStep(max: number): number {
  for (let mag = 1; ; mag *= 10)
    for (const m of [1, 2, 5]) if (Math.ceil(max / (m * mag)) <= 5) return m * mag;
}

const short = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

export interface RoadmapChartProps {
  readonly data: RoadmapChartData;
  readonly lang: Lang;
}

export function RoadmapChart({ data, lang }: RoadmapChartProps) {
  const styles = useStyles();
  const text = TEXT[lang];
  const units = data.units;
  if (units.length === 0) return null;
  const title = chartTitle(data.year)[lang];
  const behind = units.filter((u) => u.actual < u.plan).length;

  const max = Math.max(0, ...units.flatMap((u) => [u.plan, u.actual]));
  const step = tickStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);

  const plotWidth = WIDTH - LEFT - RIGHT;
  const group = plotWidth / units.length;
  const bar = Math.min(MAX_BAR, Math.max(2, group * 0.36));
  const labels = units.map((u) => short(u.unit));
  const longest = Math.max(...labels.map((l) => l.length));
  // Labels lie flat when each fits its group; otherwise they turn 45° and the bottom grows.
  const rotate = longest * CHAR > group - 4;
  const labelRoom = rotate ? Math.ceil(longest * CHAR * Math.SQRT1_2) + FONT + 6 : FONT + 8;
  const bottom = PLOT_TOP + PLOT_HEIGHT;
  const height = bottom + labelRoom;
  // A turned label runs down-left from under its group; the view widens to the left to hold the
  // first labels when they reach past the edge.
  const overflow = rotate
    ? Math.ceil(
        Math.max(
          0,
          ...labels.map((l, i) => l.length * CHAR * Math.SQRT1_2 - (LEFT + group * (i + 0.5))),
        ),
      )
    : 0;
  const y = (v: number) => bottom - (v / top) * PLOT_HEIGHT;

  const planStyle = {
    fill: tokens.colorNeutralBackground3,
    stroke: tokens.colorNeutralStrokeAccessible,
    strokeWidth: 1,
  };
  const actualStyle = { fill: tokens.colorBrandBackground };
  const textStyle = { fill: tokens.colorNeutralForeground1, fontFamily: tokens.fontFamilyBase };

  return (
    <div className={styles.root}>
      <svg
        className={styles.svg}
        viewBox={`${-overflow} 0 ${WIDTH + overflow} ${height}`}
        role="img"
        aria-label={text.summary(title, units.length, behind)}
        data-testid="roadmap-chart"
      >
        <text
          x={WIDTH / 2}
          y={TITLE_FONT + 2}
          textAnchor="middle"
          fontSize={TITLE_FONT}
          fontWeight={600}
          style={textStyle}
        >
          {title}
        </text>
        <g transform={`translate(${LEFT}, ${TITLE_FONT + 14})`} fontSize={FONT} style={textStyle}>
          <rect x={0} y={0} width={10} height={10} style={planStyle} />
          <text x={14} y={9}>
            {text.plan}
          </text>
          <rect x={24 + text.plan.length * CHAR} y={0} width={10} height={10} style={actualStyle} />
          <text x={38 + text.plan.length * CHAR} y={9}>
            {text.actual}
          </text>
        </g>
        {ticks.map((v) => (
          <g key={v}>
            <line
              x1={LEFT}
              x2={WIDTH - RIGHT}
              y1={y(v)}
              y2={y(v)}
              style={{
                stroke: v === 0 ? tokens.colorNeutralForeground2 : tokens.colorNeutralStroke2,
              }}
            />
            <text
              data-tick={v}
              x={LEFT - 4}
              y={y(v) + FONT / 3}
              textAnchor="end"
              fontSize={FONT}
              style={textStyle}
            >
              {v}
            </text>
          </g>
        ))}
        {units.map((u, i) => {
          const center = LEFT + group * (i + 0.5);
          const label = labels[i]!;
          return (
            <g key={`${i}-${u.unit}`}>
              {(
                [
                  ["plan", u.plan, center - bar - 1, planStyle],
                  ["actual", u.actual, center + 1, actualStyle],
                ] as const
              ).map(([series, value, x, style]) => (
                <rect
                  key={series}
                  data-series={series}
                  data-value={value}
                  x={x}
                  y={y(value)}
                  width={bar}
                  height={bottom - y(value)}
                  style={style}
                >
                  <title>{text.bar(u.unit, u.plan, u.actual)}</title>
                </rect>
              ))}
              {rotate ? (
                <text
                  transform={`translate(${center}, ${bottom + 8}) rotate(-45)`}
                  textAnchor="end"
                  dominantBaseline="middle"
                  fontSize={FONT}
                  style={textStyle}
                >
                  {label}
                </text>
              ) : (
                <text
                  x={center}
                  y={bottom + FONT + 3}
                  textAnchor="middle"
                  fontSize={FONT}
                  style={textStyle}
                >
                  {label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {/* Hidden in a box of its own: a table is never narrower than its caption, so a table
          hidden by itself widened the page in a wide font (DejaVu Sans) and it scrolled sideways;
          the box clips it instead. */}
      <div className={styles.hidden}>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{text.unit}</th>
              <th scope="col">{text.plan}</th>
              <th scope="col">{text.actual}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u, i) => (
              <tr key={`${i}-${u.unit}`}>
                <th scope="row">{u.unit}</th>
                <td>{u.plan}</td>
                <td>{u.actual}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
