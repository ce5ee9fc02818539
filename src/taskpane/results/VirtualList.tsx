import { ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * A long list drawn a screenful at a time: a country's 10,000 clubs or 14,000 findings would take
 * seconds to lay out and keep the pane slow, while a person reads twenty at once. Rows may differ
 * in height (a finding's message wraps at 320 px, a club opens to its details): each drawn row is
 * measured and remembered, the others count at the estimate until they are drawn.
 */
export interface VirtualListProps {
  /**
   * A stable key per row, in order (memoised by the caller: the offsets are computed again only
   * when the keys or a measured height change): a row's height follows its key.
   */
  readonly keys: readonly string[];
  readonly render: (index: number) => ReactNode;
  /** The expected height of a row not yet drawn, in px. */
  readonly estimate: number;
  /** What a screen reader calls the list. */
  readonly label: string;
  /** The tallest the list's window may be, in px; it scrolls inside. */
  readonly maxHeight?: number;
}

/** Rows drawn above and below the visible ones, so a fast scroll does not show blanks. */
const OVERSCAN_PX = 400;
/** Where nothing is laid out (a test's jsdom), the first rows are drawn as they come. */
const UNMEASURED_ROWS = 60;

const useStyles = makeStyles({
  window: {
    overflowY: "auto",
    overflowX: "hidden",
    position: "relative",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  list: { listStyleType: "none", margin: 0, padding: 0, position: "relative" },
  row: { position: "absolute", left: 0, right: 0, boxSizing: "border-box" },
});

export function VirtualList({ keys, render, estimate, label, maxHeight = 480 }: VirtualListProps) {
  const styles = useStyles();
  const windowRef = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  const [, setMeasured] = useState(0);
  const count = keys.length;

  // Each row's height and offset, by index, for the current keys: rebuilt from the heights known
  // by key when the rows change, shifted in place when a drawn row turns out taller or shorter
  // (a pass of additions, not of lookups: a country's 16,000 rows stay well under a millisecond).
  const layout = useRef<{
    keys: readonly string[];
    sizes: Float64Array;
    offsets: Float64Array;
  } | null>(null);
  if (layout.current?.keys !== keys) {
    const sizes = new Float64Array(count);
    const offsets = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) {
      sizes[i] = heights.current.get(keys[i]!) ?? estimate;
      offsets[i + 1] = offsets[i]! + sizes[i]!;
    }
    layout.current = { keys, sizes, offsets };
  }
  const { offsets } = layout.current;
  const total = offsets[count]!;

  useLayoutEffect(() => {
    const el = windowRef.current;
    if (!el) return;
    setViewport(el.clientHeight);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  let first = 0;
  let last = Math.min(count, UNMEASURED_ROWS);
  if (viewport > 0) {
    first = Math.max(0, lowerBound(offsets, scrollTop - OVERSCAN_PX) - 1);
    last = Math.min(count, lowerBound(offsets, scrollTop + viewport + OVERSCAN_PX) + 1);
  }

  // Measures the drawn rows and redraws when any height changed (a row opened, a font loaded).
  const observer = useRef<ResizeObserver | null>(null);
  const observe = useCallback((el: HTMLLIElement | null) => {
    if (!el || typeof ResizeObserver === "undefined") return;
    observer.current ??= new ResizeObserver((entries) => {
      const current = layout.current;
      if (!current) return;
      let from = Infinity;
      for (const entry of entries) {
        const target = entry.target as HTMLElement;
        const key = target.dataset.vkey;
        const index = Number(target.dataset.vindex);
        const height = target.offsetHeight;
        if (key === undefined || height <= 0) continue;
        heights.current.set(key, height);
        if (current.keys[index] === key && current.sizes[index] !== height) {
          current.sizes[index] = height;
          from = Math.min(from, index);
        }
      }
      if (from === Infinity) return;
      const { sizes, offsets: at } = current;
      for (let i = from; i < sizes.length; i++) at[i + 1] = at[i]! + sizes[i]!;
      setMeasured((n) => n + 1);
    });
    observer.current.observe(el);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const key = keys[i]!;
    rows.push(
      <li
        key={key}
        ref={observe}
        data-vkey={key}
        data-vindex={i}
        className={styles.row}
        style={{ top: offsets[i] }}
        aria-setsize={count}
        aria-posinset={i + 1}
      >
        {render(i)}
      </li>,
    );
  }

  return (
    <div
      ref={windowRef}
      className={styles.window}
      style={{ maxHeight, height: Math.min(maxHeight, Math.max(total, estimate)) }}
      // A window that scrolls must be reachable from the keyboard (axe: scrollable-region-focusable).
      tabIndex={0}
      role="region"
      aria-label={label}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <ul className={styles.list} style={{ height: total }}>
        {rows}
      </ul>
    </div>
  );
}

/** The first index whose offset is at least `y`. */
function lowerBound(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
