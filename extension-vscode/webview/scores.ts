// The score chart's script inside the webview (bundled with Chart.js by esbuild: no CDN).
import { Chart, registerables, type ChartDataset as CjsDataset, type ScatterDataPoint } from 'chart.js';
import { chartSummary, type ChartModel, type ChartPoint } from '../src/chartData';

declare function acquireVsCodeApi(): { postMessage(msg: unknown): void };

Chart.register(...registerables);

const vscodeApi = acquireVsCodeApi();
const canvas = document.getElementById('sigil-scores') as HTMLCanvasElement;
const summary = document.getElementById('summary')!;
const errorBox = document.getElementById('error')!;
document.getElementById('refresh')?.addEventListener('click', () => vscodeApi.postMessage({ type: 'refresh' }));

const css = getComputedStyle(document.body);
const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
const foreground = v('--vscode-foreground', '#ccc');
const grid = v('--vscode-editorWidget-border', 'rgba(128,128,128,0.3)');
const palette = [
  v('--vscode-charts-blue', '#3794ff'),
  v('--vscode-charts-orange', '#d18616'),
  v('--vscode-charts-purple', '#b180d7'),
  v('--vscode-charts-green', '#89d185'),
  v('--vscode-charts-yellow', '#cca700'),
  v('--vscode-charts-red', '#f14c4c'),
];
const baselineColor = v('--vscode-charts-red', '#f14c4c');

const payload = JSON.parse(document.getElementById('sigil-data')!.textContent || '{}') as { model: ChartModel | null; error: string | null };

function render(model: ChartModel): void {
  const datasets: CjsDataset<'line', ScatterDataPoint[]>[] = model.datasets.map((d) => {
    const color = d.kind === 'baseline' ? baselineColor : palette[d.series % palette.length];
    const data = d.data as ChartPoint[];
    if (d.kind === 'fitness') {
      return {
        label: d.label,
        data,
        showLine: false,
        borderColor: color,
        backgroundColor: data.map((p) => (p.feasible === false ? 'transparent' : color)),
        pointBorderColor: color,
        pointRadius: 5,
        pointHoverRadius: 7,
        pointStyle: data.map((p) => (p.feasible === false ? 'crossRot' : 'circle')),
      } as CjsDataset<'line', ScatterDataPoint[]>;
    }
    if (d.kind === 'best') {
      return { label: d.label, data, stepped: 'before', borderColor: color, borderWidth: 2, pointRadius: 0, fill: false };
    }
    return { label: d.label, data, borderColor: color, borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, fill: false };
  });
  new Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: false,
      color: foreground,
      scales: {
        x: { type: 'linear', title: { display: true, text: 'iteration (trial)', color: foreground }, ticks: { precision: 0, color: foreground }, grid: { color: grid } },
        y: { title: { display: true, text: model.yLabel, color: foreground }, ticks: { color: foreground }, grid: { color: grid } },
      },
      plugins: {
        legend: { labels: { color: foreground } },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const p = ctx.raw as ChartPoint;
              const extra = [p.status, p.candidate, p.feasible === false ? 'incorrect' : ''].filter(Boolean).join(' · ');
              return `${ctx.dataset.label}: ${p.y}${extra ? ` (${extra})` : ''}`;
            },
          },
        },
      },
    },
  });
  canvas.dataset.points = String(model.points);
  canvas.dataset.series = String(model.seriesCount);
  canvas.dataset.datasets = String(model.datasets.length);
  canvas.dataset.rendered = 'true';
  summary.textContent =
    model.trials === 0
      ? chartSummary(model)
      : `${chartSummary(model)}. Dots: each trial's fitness (× incorrect; duplicates and rejected trials have none), steps: best so far, dashed: baseline.`;
}

if (payload.error) {
  errorBox.textContent = payload.error;
  canvas.dataset.rendered = 'error';
} else if (payload.model) {
  try {
    render(payload.model);
  } catch (e) {
    errorBox.textContent = `The chart could not be drawn: ${e instanceof Error ? e.message : String(e)}`;
    canvas.dataset.rendered = 'error';
  }
}
