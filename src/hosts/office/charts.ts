import { ColumnChart, GeneratedSheet } from "../../core/model/write-plan";
import { WriteQueue } from "./batch";
import { chartCost } from "./request-costs";

/**
 * Charts float over the cells: clearing the sheet for a rewrite leaves them, so a re-run would
 * stack a second chart over the first. Before rewriting, this finds the charts of the plan's
 * names on the plan's existing sheets (one sync for all sheets, none when no sheet has a chart)
 * so that they can be deleted; a chart of another name, like any chart of the user's, stays.
 */
export async function oldCharts(
  context: Excel.RequestContext,
  targets: readonly { readonly ws: Excel.Worksheet; readonly sheet: GeneratedSheet }[],
): Promise<Excel.Chart[]> {
  const loaded = targets
    .filter((t) => (t.sheet.charts ?? []).length > 0)
    .map((t) => {
      const charts = t.ws.charts;
      charts.load("items/name");
      return { charts, names: new Set(t.sheet.charts!.map((c) => c.name)) };
    });
  if (loaded.length === 0) return [];
  await context.sync();
  // Every match, not the first: an earlier version might have left two of the same name.
  return loaded.flatMap(({ charts, names }) => charts.items.filter((c) => names.has(c.name)));
}

/**
 * A clustered column chart whose series use exactly the plan's ranges. Excel needs a source to
 * create a chart, and guesses names and categories from it; the first series' values are given
 * and then every series (that one included) gets its name, values and categories explicitly
 * (ChartSeries.setValues / setXAxisValues, ExcelApi 1.7), so no guess remains.
 */
export async function queueCharts(
  queue: WriteQueue,
  ws: Excel.Worksheet,
  charts: readonly ColumnChart[],
): Promise<void> {
  for (const plan of charts) {
    const first = plan.series[0];
    if (!first) continue;
    await queue.add(
      chartCost(plan),
      () => {
        const categories = ws.getRange(plan.categories);
        // String enums: the Excel namespace exists only at run time inside Office.
        const chart = ws.charts.add("ColumnClustered", ws.getRange(first.values), "Columns");
        chart.name = plan.name;
        chart.title.text = plan.title;
        // A column chart of several series has no title by default.
        chart.title.visible = true;
        plan.series.forEach((s, i) => {
          const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
          series.name = s.name;
          series.setValues(ws.getRange(s.values));
          series.setXAxisValues(categories);
        });
        chart.setPosition(plan.from, plan.to);
      },
      ws,
    );
  }
}
