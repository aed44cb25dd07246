/**
 * Carrying on with a blueprint proposal sent through the gateway, on any computer: the emails
 * about it link to the drafting form with `#carry-on=<id>.<token>` (gateway/src/email-links.ts;
 * browsers never send a fragment to a server). The form asks the gateway for what was sent; once
 * the author has it, sending again changes that proposal. Loaded by the drafting form only.
 *
 * The gateway is not trusted: only answers in the form's own shapes are taken (texts, or lists of
 * texts, within the answers' limits), and the form writes only its own questions' values.
 */
import { answerOverLimit, formKeyPattern, type DraftValues } from '../../lib/contribute/answers';
import { gatewayNotAnswering, requestTimeoutMs, submissionIdShape } from './gateway-api';
import { draftSubmissionKey, remember } from './storage';

/** A carry-on link's fragment: the id of the proposal sent and the token that lets the link open it, a dot between. */
export const carryOnLink = new RegExp(`^#carry-on=(${submissionIdShape})\\.([A-Za-z0-9_-]{43})$`);

/** What a carry-on link gives the drafting form: the answers sent, and `keep` to make sending again change that proposal; or why not. */
export type SentAnswers = { values: DraftValues; keep(): void } | { error: string };

/** The answers as the gateway gave them, if they are in the form's own shapes and within its limits. */
function answersIn(value: unknown): DraftValues | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value as Record<string, unknown>);
  const fits = (v: unknown) => (typeof v === 'string' || (Array.isArray(v) && v.every((c) => typeof c === 'string'))) && !answerOverLimit(v);
  return entries.every(([, v]) => fits(v)) ? (Object.fromEntries(entries) as DraftValues) : undefined;
}

/**
 * The answers of the proposal `id`, from the gateway at `gatewayUrl`. `keep`, once the form has
 * them, remembers the proposal (so sending again changes it) and the name it credits, in the
 * sending element's own boxes (`send`).
 */
export async function sentAnswers(gatewayUrl: string, send: Element, id: string, token: string): Promise<SentAnswers> {
  let status: number;
  let body: { errors?: { message?: unknown }[]; id?: unknown; key?: unknown; answers?: unknown; credit?: { named?: unknown; name?: unknown } } = {};
  try {
    const response = await fetch(`${gatewayUrl}/api/submissions/${encodeURIComponent(id)}/answers?token=${encodeURIComponent(token)}`, { signal: AbortSignal.timeout(requestTimeoutMs) });
    status = response.status;
    body = ((await response.json().catch(() => ({}))) ?? {}) as typeof body;
  } catch {
    return { error: `${gatewayNotAnswering}: follow the link in the email again in a few minutes` };
  }
  if (status < 200 || status > 299) {
    const said = body.errors?.[0]?.message;
    return { error: typeof said === 'string' ? said : `The sending service answered ${status}: follow the link in the email again in a minute` };
  }
  const values = answersIn(body.answers);
  const key = body.key;
  if (!values || body.id !== id || typeof key !== 'string' || !formKeyPattern.test(key)) return { error: 'The sending service answered with something this page cannot read: follow the link in the email again later' };
  const named = body.credit?.named === true && typeof body.credit.name === 'string' ? body.credit.name : undefined;
  return {
    values,
    keep: () => {
      remember(draftSubmissionKey, { key, id });
      const box = send.querySelector<HTMLInputElement>('#gateway-named');
      if (!box) return;
      box.checked = named !== undefined;
      send.querySelector<HTMLElement>('[data-name-group]')!.hidden = named === undefined;
      send.querySelector<HTMLInputElement>('#gateway-credit-name')!.value = named ?? '';
    },
  };
}
