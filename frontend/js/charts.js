// Charts of the dashboard (Chart.js, served from its webjar). Each chart is drawn from a table on the
// page, so a screen reader and a person without JavaScript get the same figures; colours come from
// the stylesheet's variables, so a light theme recolours the charts too.
(() => {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  const charts = [];
  const css = (name, fallback) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
  const palette = () => ({
    text: css('--text', '#e6edf3'), muted: css('--muted', '#9aa7b4'), line: css('--line', '#2a3644'),
    panel: css('--panel', '#182029'), accent: css('--accent', '#4cc38a'), info: css('--info', '#6cb6ff'),
    warn: css('--warn', '#e5b454'), danger: css('--danger', '#f0616d')
  });
  const DAY = 86400000;
  const HOUR = 3600000;
  const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const fullDay = new Intl.DateTimeFormat(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dayAndTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  const fullTime = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  const hours = (value) => Number(value).toLocaleString(undefined, { maximumFractionDigits: 2 }) + ' h';

  function themed(colors) {
    return {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: colors.text,
      font: { size: 13 },
      plugins: {
        legend: { labels: { color: colors.text, boxWidth: 14, font: { size: 13 } } },
        tooltip: {
          backgroundColor: colors.panel, borderColor: colors.line, borderWidth: 1,
          titleColor: colors.text, bodyColor: colors.text, padding: 10,
          titleFont: { size: 14 }, bodyFont: { size: 14 }
        }
      }
    };
  }

  function axis(colors, extra) {
    return Object.assign({
      grid: { color: colors.line }, border: { color: colors.line },
      ticks: { color: colors.muted, font: { size: 13 } }
    }, extra);
  }

  // Usage: powered-on and streamed hours per day, one chart per profile.
  function usageChart(canvas) {
    const table = document.getElementById(canvas.dataset.table);
    if (!table) {
      return;
    }
    const rows = Array.from(table.querySelectorAll('tbody tr'));
    const days = rows.map((row) => Date.parse(row.dataset.date + 'T00:00:00Z'));
    const build = () => {
      const colors = palette();
      const options = themed(colors);
      options.interaction = { mode: 'index', intersect: false };
      options.plugins.tooltip.callbacks = {
        title: (items) => fullDay.format(days[items[0].dataIndex]),
        label: (item) => item.dataset.label + ': ' + hours(item.parsed.y)
      };
      options.scales = {
        x: axis(colors, { ticks: { color: colors.muted, font: { size: 13 }, maxRotation: 0, autoSkip: true, autoSkipPadding: 12 } }),
        y: axis(colors, { beginAtZero: true, suggestedMax: 4, title: { display: true, text: 'hours', color: colors.muted } })
      };
      return {
        type: 'bar',
        data: {
          labels: days.map((d) => dayLabel.format(d)),
          datasets: [
            { label: 'Powered on', data: rows.map((r) => Number(r.dataset.on)), backgroundColor: colors.info, borderRadius: 3 },
            { label: 'Streamed', data: rows.map((r) => Number(r.dataset.streamed)), backgroundColor: colors.accent, borderRadius: 3 }
          ]
        },
        options
      };
    };
    charts.push({ canvas, build, chart: new Chart(canvas, build()) });
  }

  // Snapshot timeline: a dot per run on its lane (taken, pruned, failed or skipped), named on hover.
  const LANES = ['taken', 'pruned', 'failed or skipped'];
  const STEPS = [HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 182 * DAY, 365 * DAY];

  function snapshotChart(canvas) {
    const table = document.getElementById(canvas.dataset.table);
    if (!table) {
      return;
    }
    const rows = Array.from(table.querySelectorAll('tbody tr[data-at]'));
    const points = rows.map((row) => ({
      x: Number(row.dataset.at), y: row.dataset.lane, name: row.dataset.name, kind: row.dataset.kind,
      detail: row.dataset.detail || ''
    }));
    const times = points.map((p) => p.x);
    const build = () => {
      const colors = palette();
      const byKind = { taken: colors.accent, running: colors.info, pruned: colors.warn, failed: colors.danger, skipped: colors.muted };
      let min = Math.min(...times);
      let max = Math.max(...times);
      if (max - min < DAY) {
        min = Math.min(min, max - DAY / 2);
        max = max + DAY / 2;
      }
      // whole steps, so that no two ticks read the same
      // the lane names take about 140 px on the left; a label such as "Dec 2, 12:00" needs about
      // 120 px, "Dec 2" about 70: on a phone that is room for two or three ticks, not five
      const plot = canvas.parentElement.clientWidth - 140;
      const room = (s) => Math.max(2, Math.floor(plot / (s < DAY ? 120 : 70)));
      // the first step whose whole-step range, ends included, has no more ticks than there is room for
      const fits = (s) => Math.ceil(max / s) - Math.floor(min / s) + 1 <= room(s);
      const step = STEPS.find(fits) || STEPS[STEPS.length - 1];
      min = Math.floor(min / step) * step;
      max = Math.ceil(max / step) * step;
      const format = step < DAY ? dayAndTime : dayLabel;
      const options = themed(colors);
      options.plugins.legend = { display: false };
      // every dot under the pointer is named, so dots at nearly the same time never hide one another
      options.interaction = { mode: 'point', intersect: true };
      options.plugins.tooltip.callbacks = {
        title: (items) => items.map((i) => i.raw.name).join(', '),
        label: (item) => item.raw.kind + ' ' + fullTime.format(item.raw.x) + ' UTC' + (item.raw.detail ? ': ' + item.raw.detail : '')
      };
      options.scales = {
        x: axis(colors, { type: 'linear', min, max, ticks: { color: colors.muted, font: { size: 13 }, stepSize: step, maxRotation: 0, callback: (v) => format.format(v) } }),
        y: axis(colors, { type: 'category', labels: LANES, offset: true, ticks: { color: colors.text, font: { size: 13 } } })
      };
      return {
        type: 'scatter',
        data: {
          datasets: [{
            label: 'Runs', data: points, pointRadius: 7, pointHoverRadius: 10, pointBorderColor: colors.panel, pointBorderWidth: 1,
            pointBackgroundColor: points.map((p) => byKind[p.kind] || colors.info)
          }]
        },
        options
      };
    };
    const entry = { canvas, build, chart: new Chart(canvas, build()) };
    // tick spacing depends on the width
    new ResizeObserver(() => redraw(entry)).observe(canvas.parentElement);
    charts.push(entry);
  }

  function redraw(entry) {
    const next = entry.build();
    entry.chart.options = next.options;
    entry.chart.data.datasets.forEach((dataset, i) => Object.assign(dataset, next.data.datasets[i], { data: dataset.data }));
    entry.chart.update('none');
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('canvas.usage-chart').forEach(usageChart);
    document.querySelectorAll('canvas.snapshot-chart').forEach(snapshotChart);
    // a light or dark theme chosen while the page is open recolours the charts
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => charts.forEach(redraw));
  });
})();
