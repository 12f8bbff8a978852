// The dashboard: one range for every panel, each panel fetching the API, everything refreshed every 15 s.
import { api, ApiError, NotImplementedYet, format, escapeHtml } from '/dashboard-kit.js';
import { renderFunnel } from '/panels/funnel.js';

const REFRESH_MS = 15_000;
const HOUR = 3600, DAY = 86400;
const state = { span: 6 * HOUR, fixed: null, range: null, charts: {}, refreshes: 0 };

/** Seconds → ISO instant. */
const iso = s => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
const seconds = text => Math.floor(Date.parse(text) / 1000);

/** The range: fixed by the page's hash (#from=…&to=…), or the span chosen, ending at the newest event's minute. */
async function chooseRange(health) {
  if (state.fixed) {
    return state.fixed;
  }
  const newest = health && health.newest_event ? seconds(health.newest_event) : Math.floor(Date.now() / 1000);
  const to = Math.ceil((newest + 1) / 60) * 60;
  return { from: iso(to - state.span), to: iso(to) };
}

/** The series' step for a range: minutes up to 25 hours, hours up to 62 days, else days (the API allows 1,500 points). */
function stepFor(range) {
  const span = seconds(range.to) - seconds(range.from);
  return span <= 25 * HOUR ? 'minute' : span <= 62 * DAY ? 'hour' : 'day';
}

/** Whole hours around the range, as the hour-based endpoints want them. */
function hours(range) {
  return { from: iso(Math.floor(seconds(range.from) / HOUR) * HOUR), to: iso(Math.ceil(seconds(range.to) / HOUR) * HOUR) };
}

async function panel(id, render) {
  const element = document.getElementById(id);
  try {
    await render(element);
    element.dataset.state = 'ready';
    delete element.dataset.pending;
  } catch (e) {
    const target = element.querySelector('.body, tbody, ul, dl, .chart') || element;
    const exercise = e instanceof NotImplementedYet ? e.exercise
      : e instanceof ApiError && e.status === 501 && e.body ? e.body.exercise : null;
    if (exercise) {
      element.dataset.state = 'pending';
      element.dataset.pending = exercise;
      target.innerHTML = `<p class="pending">exercise ${escapeHtml(exercise)} pending — see week12-api/README.md</p>`;
    } else {
      element.dataset.state = 'error';
      element.dataset.error = e instanceof ApiError ? String(e.status) : 'script';
      target.innerHTML = `<p class="error">${escapeHtml(e.message)}</p>`;
    }
  }
}

async function kpisAndChart(range) {
  const step = stepFor(range);
  const names = ['revenue', 'purchases', 'page_views', 'events'];
  const series = await Promise.all(names.map(metric => api('series', { metric, step, from: range.from, to: range.to })));
  const byName = Object.fromEntries(names.map((n, i) => [n, series[i]]));
  for (const name of names) {
    const total = byName[name].v.reduce((a, b) => a + b, 0);
    const cell = document.querySelector(`[data-kpi="${name}"]`);
    cell.dataset.raw = String(name === 'revenue' ? Math.round(total * 100) / 100 : total);
    cell.textContent = name === 'revenue' ? format.money(total) : format.integer(total);
  }
  document.getElementById('kpis').dataset.state = 'ready';
  const data = [byName.revenue.t, byName.revenue.v, byName.purchases.v];
  const element = document.getElementById('revenue-chart');
  const width = Math.max(320, element.clientWidth);
  if (state.charts.revenue && state.charts.revenue.width === width) {
    state.charts.revenue.setData(data);
    return;
  }
  if (state.charts.revenue) {
    state.charts.revenue.destroy();
  }
  element.innerHTML = '';
  state.charts.revenue = new uPlot({
    width, height: 260,
    scales: { x: { time: true }, revenue: {}, purchases: {} },
    series: [
      {},
      { label: 'revenue', scale: 'revenue', stroke: '#2563eb', width: 1.5, fill: 'rgba(37,99,235,.08)', value: (u, v) => v == null ? '–' : format.money(v) },
      { label: 'purchases', scale: 'purchases', stroke: '#d97706', width: 1 },
    ],
    axes: [{}, { scale: 'revenue', size: 70 }, { scale: 'purchases', side: 1, grid: { show: false } }],
  }, data, element);
}

async function topProducts(element, range) {
  const top = await api('top-products', { ...hours(range), n: 10 });
  element.querySelector('tbody').innerHTML = top.products.length === 0
    ? '<tr><td colspan="5" class="empty">no purchases in this range</td></tr>'
    : top.products.map((p, i) => `<tr data-product="${escapeHtml(p.product_id)}"><td>${i + 1}</td>`
      + `<td title="${escapeHtml(p.product_id)}">${escapeHtml(p.name || p.product_id)}</td><td>${escapeHtml(p.category)}</td>`
      + `<td class="num" data-raw="${p.revenue}">${format.money(p.revenue)}</td><td class="num">${format.integer(p.units)}</td></tr>`).join('');
}

async function categories(element, range) {
  const b = await api('breakdown', { dimension: 'category', ...hours(range) });
  const max = Math.max(1, ...b.rows.map(r => r.revenue));
  element.querySelector('tbody').innerHTML = b.rows.slice(0, 12).map(r => `<tr data-key="${escapeHtml(r.key)}">`
    + `<td>${escapeHtml(r.key)}</td><td class="num" data-raw="${r.revenue}">${format.money(r.revenue)}</td>`
    + `<td class="num">${format.integer(r.events)}</td>`
    + `<td style="width:30%"><div class="bar" style="width:${(100 * r.revenue / max).toFixed(1)}%"></div></td></tr>`).join('')
    || '<tr><td colspan="4" class="empty">no events in this range</td></tr>';
}

async function alerts(element, range) {
  const to = seconds(range.to);
  const a = await api('alerts', { from: iso(to - DAY), to: range.to, limit: 50 });
  element.querySelector('ul').innerHTML = a.alerts.length === 0
    ? '<li class="empty">no alerts in the last 24 hours</li>'
    : a.alerts.map(x => `<li data-series="${escapeHtml(x.series)}" data-minute="${escapeHtml(x.minute)}">`
      + `<span class="rule">${escapeHtml(x.rule)}</span>${escapeHtml(x.series)} at ${escapeHtml(format.time(x.minute))}: `
      + `${x.value.toFixed(1)} (expected ${x.expected.toFixed(1)}${x.rule === 'zscore' ? `, z = ${x.score.toFixed(1)}` : ''})</li>`).join('');
}

async function health(element, h) {
  const q = await api('quality');
  const rows = [
    ['status', `<span class="status-${escapeHtml(h.status)}" data-status="${escapeHtml(h.status)}">${escapeHtml(h.status)}</span>`],
    ['newest event', h.newest_event ? escapeHtml(format.time(h.newest_event)) : '–'],
    ['lag behind now', h.lag_seconds < 0 ? '–' : `${format.integer(h.lag_seconds)} s`],
    ['events, last 5 min', format.integer(h.events_last_5_minutes)],
    ['newest rollup minute', h.newest_rollup_minute ? escapeHtml(format.time(h.newest_rollup_minute)) : '–'],
    ['quality checks', q.run_id ? `${format.integer(q.results - q.failed)} passed, <span class="${q.failed ? 'error' : ''}">${format.integer(q.failed)} failed</span>` : 'no report yet'],
  ];
  element.querySelector('dl').innerHTML = rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('');
}

async function refresh() {
  let h = null;
  try {
    h = await api('health');
  } catch (e) {
    document.getElementById('status').textContent = `API: ${e.message}`;
  }
  const range = await chooseRange(h);
  state.range = range;
  document.querySelectorAll('#ranges button').forEach(b => b.classList.toggle('active', !state.fixed && Number(b.dataset.span) === state.span));
  await Promise.all([
    panel('revenue-panel', () => kpisAndChart(range)),
    panel('top-panel', e => topProducts(e, range)),
    panel('category-panel', e => categories(e, range)),
    panel('funnel-panel', e => renderFunnel(e.querySelector('.body'), range, api)),
    panel('alerts-panel', e => alerts(e, range)),
    panel('health-panel', e => h ? health(e, h) : Promise.reject(new Error('the API does not answer'))),
  ]);
  state.refreshes++;
  document.body.dataset.refreshes = String(state.refreshes);
  document.getElementById('status').textContent = `${format.time(range.from)} – ${format.time(range.to)} · updated ${new Date().toLocaleTimeString()}`;
}

function start() {
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('from') && hash.get('to')) {
    state.fixed = { from: hash.get('from'), to: hash.get('to') };
  }
  document.querySelectorAll('#ranges button').forEach(b => b.addEventListener('click', () => {
    state.fixed = null;
    state.span = Number(b.dataset.span);
    refresh();
  }));
  window.dashboard = { refresh, state };
  refresh();
  setInterval(refresh, REFRESH_MS);
}

start();
