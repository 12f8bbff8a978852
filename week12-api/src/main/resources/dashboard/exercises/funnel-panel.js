// Exercise 12.4 — the funnel panel: the sessions of each step of /api/funnel for the dashboard's range, with their
// conversion. The contract is in week12-api/README.md §12.4; the hints too (./workbook hint 12.4).
import { NotImplementedYet } from '/dashboard-kit.js';

/**
 * Renders the funnel of `range` ({from, to}: ISO instants) into `element`, fetching with `api(path, params)`.
 * Called again at every refresh, with the same element.
 */
export async function renderFunnel(element, range, api) {
  throw new NotImplementedYet('12.4');
}
