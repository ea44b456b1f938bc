import type { JournalEntry } from '../../lib/labs/verify/journal.ts';

/** Response body of the verify endpoint. */
export type VerifyResult = { labId: string; tasks: Array<{ id: string; passed: boolean; detail: string }>; passedAll: boolean };

const LEARNER_KEY = 'slipway:learner';

/** Return this browser's learner id, creating a random one the first time. */
export function learnerId(): string {
  let id = localStorage.getItem(LEARNER_KEY);
  if (id === null) {
    id = crypto.randomUUID();
    localStorage.setItem(LEARNER_KEY, id);
  }
  return id;
}

/** Send the command journal and the final files to the server, which replays them, runs the checks itself and returns its verdict. */
export async function submitForVerification(labId: string, journal: readonly JournalEntry[], files: Record<string, string>): Promise<VerifyResult> {
  const response = await fetch(`/api/labs/${encodeURIComponent(labId)}/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ learnerId: learnerId(), journal, files }),
  });
  if (!response.ok) {
    const text = await response.text();
    throw new Error(`verification request failed with HTTP ${response.status}: ${text.slice(0, 300)}`);
  }
  return (await response.json()) as VerifyResult;
}

/** Return this browser's latest verdict the server stored for a lab, with its time, or null when there is none or the request fails. */
export async function fetchLatestVerification(labId: string): Promise<{ result: VerifyResult; verifiedAt: Date } | null> {
  try {
    const response = await fetch(`/api/labs/${encodeURIComponent(labId)}/verify?learnerId=${encodeURIComponent(learnerId())}`);
    if (!response.ok) return null;
    const body = (await response.json()) as { verification: (VerifyResult & { createdAt: string }) | null };
    if (body.verification === null) return null;
    const { createdAt, ...result } = body.verification;
    return { result, verifiedAt: new Date(createdAt) };
  } catch {
    // Offline or storage unavailable: the panel keeps "Not submitted yet."
    return null;
  }
}

/** Show the server's verdict, task by task, with the time it arrived. */
export function renderVerifyResult(container: HTMLElement, result: VerifyResult, titles: ReadonlyMap<string, string>, verifiedAt: Date): void {
  container.replaceChildren();
  const summary = document.createElement('p');
  summary.className = result.passedAll ? 'lab-verify__passed' : 'lab-verify__failed';
  const passed = result.tasks.filter((task) => task.passed).length;
  summary.textContent = result.passedAll
    ? `Verified by the server: all ${result.tasks.length} tasks pass.`
    : `Verified by the server: ${passed} of ${result.tasks.length} tasks pass.`;
  summary.dataset.verified = String(result.passedAll);
  container.append(summary);

  const when = document.createElement('p');
  when.className = 'lab-muted';
  const time = document.createElement('time');
  time.dateTime = verifiedAt.toISOString();
  time.textContent = verifiedAt.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  when.append('Submitted ', time, '.');
  when.dataset.verifiedAt = verifiedAt.toISOString();
  container.append(when);

  const list = document.createElement('ul');
  for (const task of result.tasks) {
    const item = document.createElement('li');
    const title = titles.get(task.id) ?? task.id;
    item.textContent = `${task.passed ? 'Pass' : 'Not yet'}: ${title}${task.detail && !task.passed ? `: ${task.detail}` : ''}`;
    list.append(item);
  }
  container.append(list);
}
