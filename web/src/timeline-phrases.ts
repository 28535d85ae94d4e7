// The pieces timeline sentences are made of: who did it, which agent or team, which offer, when. Event data
// is whatever the workflow wrote (and older cases wrote less), so every piece accepts unknown and says
// something readable when the value is missing.
import { maskContactsInText } from '../../domain/contact-masking';
import { dateTime } from './format';

// Names of agents and teams by id, from /v1/teams; events carry ids only.
export interface TimelineNames {
  agents: Record<string, string>;
  teams: Record<string, string>;
}

export interface PhraseContext {
  names: TimelineNames;
  time: (iso: string) => string;
}

export const defaultContext: PhraseContext = { names: { agents: {}, teams: {} }, time: (iso) => dateTime(iso) };

export const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

// snake_case vocabulary as words: "no_channel_left" → "no channel left".
export const words = (v: unknown): string => text(v).replace(/_/g, ' ');

export const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const CHANNELS: Record<string, string> = { sms: 'SMS', email: 'Email', phone: 'Phone', visit: 'Branch visit' };
// "SMS", "Email"; `inSentence` for the middle of one ("by email").
export function channel(v: unknown, inSentence = false): string {
  const name = CHANNELS[text(v)] ?? (capitalised(words(v)) || 'Message');
  return inSentence && name !== 'SMS' ? name.toLowerCase() : name;
}

// "supervisor:Dana" → "Dana", "customer:sms" → "the customer", "holdfast" → "Holdfast".
export function who(actor: unknown): string {
  const a = text(actor);
  if (a === '' || a === 'holdfast') return 'Holdfast';
  const [role, ...rest] = a.split(':');
  if (role === 'customer') return 'the customer';
  return rest.length ? rest.join(':') : a;
}

const agent = (id: unknown, ctx: PhraseContext): string => ctx.names.agents[text(id)] ?? text(id);

// "the Wealth team"; an id the dashboard has no name for is shown as it is.
export const team = (id: unknown, ctx: PhraseContext): string => {
  const name = ctx.names.teams[text(id)] ?? text(id);
  return /team$/i.test(name) ? name : `${name} team`;
};

// "Dana (Wealth team)", "the Wealth team", or "nobody" when neither is known.
export function assignee(agentId: unknown, teamId: unknown, ctx: PhraseContext): string {
  if (text(agentId) && text(teamId)) return `${agent(agentId, ctx)} (${team(teamId, ctx)})`;
  if (text(agentId)) return agent(agentId, ctx);
  if (text(teamId)) return `the ${team(teamId, ctx)}`;
  return 'nobody';
}

export const offer = (id: unknown): string => (text(id) ? `offer '${text(id)}'` : 'the offer');
// At the start of a sentence: "Offer 'x'", or just "Offer".
export const Offer = (id: unknown): string => (text(id) ? `Offer '${text(id)}'` : 'Offer');

// Words for a value, or `otherwise` when the event (an older case's) does not carry it.
export const known = (v: unknown, otherwise = 'unknown'): string => words(v) || otherwise;

export const when = (iso: unknown, ctx: PhraseContext): string => (text(iso) ? ctx.time(text(iso)) : 'a later time');

// A person's note or a customer's words, quoted, with any address in it masked and long text cut.
export function quoted(v: unknown, max = 160): string {
  const s = maskContactsInText(text(v)).replace(/\s+/g, ' ').trim();
  if (!s) return '';
  return `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;
}

// " — “note”" when there is a note, else nothing.
export const withNote = (v: unknown): string => (text(v) ? ` — ${quoted(v)}` : '');

// The churn reason given with a refusal, a declined offer or a close: its code in words, then the customer's.
export function withChurnReason(v: unknown): string {
  const r = v !== null && typeof v === 'object' ? (v as { code?: unknown; note?: unknown }) : {};
  return text(r.code) ? ` — churn reason: ${words(r.code)}${text(r.note) ? `, ${quoted(r.note)}` : ''}` : '';
}

// A provider's or a step's error, masked, with its code when there is one.
export function problem(message: unknown, code?: unknown): string {
  const m = maskContactsInText(text(message)).trim();
  const c = text(code) ? ` (code ${text(code)})` : '';
  return m ? `: ${m.length > 200 ? `${m.slice(0, 199)}…` : m}${c}` : c;
}

// Risk scores are stored 0–1 and shown out of 100, as on the case page.
export const score100 = (v: unknown): string => (typeof v === 'number' ? `${Math.round(v * 100)}/100` : 'unknown');

export const attempt = (v: unknown): string => (text(v) ? ` (attempt ${text(v)})` : '');
