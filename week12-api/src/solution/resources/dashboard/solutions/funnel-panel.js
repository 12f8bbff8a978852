// Reference solution of exercise 12.4: the funnel panel.
import { format, escapeHtml } from '/dashboard-kit.js';

/**
 * Renders the funnel of `range` into `element`: one row per step, with the sessions that reached it, the share of
 * the first step's sessions and the share of the step before. Replaces what was there (it runs at every refresh).
 */
export async function renderFunnel(element, range, api) {
  // the dashboard's range, not one of our own: every panel must describe the same minutes
  const funnel = await api('funnel', { from: range.from, to: range.to });
  const first = funnel.steps[0].sessions;
  const rows = funnel.steps.map((step, i) => {
    const previous = i === 0 ? null : funnel.steps[i - 1].sessions;
    const ofFirst = first === 0 ? '–' : format.percent(step.sessions / first);
    const ofPrevious = previous === null || previous === 0 ? '–' : format.percent(step.sessions / previous);
    return `<tr data-step="${escapeHtml(step.step)}"><td>${escapeHtml(step.step)}</td>`
      + `<td class="num sessions" data-raw="${step.sessions}">${format.integer(step.sessions)}</td>`
      + `<td class="num of-first">${ofFirst}</td><td class="num of-previous">${ofPrevious}</td></tr>`;
  }).join('');
  // innerHTML replaces the previous refresh's rows instead of adding to them
  element.innerHTML = '<table><thead><tr><th>step</th><th class="num">sessions</th><th class="num">of first</th>'
    + `<th class="num">of previous</th></tr></thead><tbody>${rows}</tbody></table>`
    + `<p class="empty">each step within ${funnel.window_seconds / 60} minutes of a session's first product view</p>`;
}
