// Given helpers of the dashboard: fetching the API, formatting numbers, the stub's NotImplementedYet.

/** Thrown by a panel stub whose exercise is not done yet (the dashboard shows it as pending, not as an error). */
export class NotImplementedYet extends Error {
  constructor(exercise) {
    super(`exercise ${exercise} is not done yet`);
    this.exercise = exercise;
  }
}

/** An answer of the API that is not 2xx: its status and the JSON body's message. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** GET /api/<path>?<params> → the parsed JSON body; throws ApiError for a 4xx/5xx answer. */
export async function api(path, params = {}) {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(`/api/${path}${query ? '?' + query : ''}`, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const format = {
  integer: n => integer.format(n),
  money: n => money.format(n),
  /** a share as a percentage with one decimal, such as "12.5 %" */
  percent: share => `${(share * 100).toFixed(1)} %`,
  time: iso => iso.replace('T', ' ').replace(/:00(\.000)?Z$/, ' UTC').replace(/Z$/, ' UTC'),
};

/** Text for HTML: names from the data are never markup. */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
