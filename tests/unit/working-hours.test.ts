// Working hours are read in the agent's own time zone, days and all; no hours means always on shift.
import { rankAgents } from '../../domain/assignment';
import { onShift, workingHoursSchema } from '../../domain/working-hours';

const madrid = {
  timeZone: 'Europe/Madrid',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const,
  from: '09:00',
  to: '17:00',
};
const hours = workingHoursSchema.parse({ ...madrid, days: [...madrid.days] });

test('on shift between from (inclusive) and to (exclusive), on working days, in the agent’s zone', () => {
  // Monday 2026-11-30: Madrid is UTC+1.
  expect(onShift(hours, new Date('2026-11-30T07:59:00Z'))).toBe(false);
  expect(onShift(hours, new Date('2026-11-30T08:00:00Z'))).toBe(true);
  expect(onShift(hours, new Date('2026-11-30T15:59:00Z'))).toBe(true);
  expect(onShift(hours, new Date('2026-11-30T16:00:00Z'))).toBe(false);
  // Saturday, and a Friday evening in UTC that is already past hours in Madrid.
  expect(onShift(hours, new Date('2026-12-05T10:00:00Z'))).toBe(false);
  expect(onShift(hours, new Date('2026-12-04T16:30:00Z'))).toBe(false);
  // Summer time: UTC+2.
  expect(onShift(hours, new Date('2026-07-01T07:30:00Z'))).toBe(true);
  expect(onShift(null, new Date('2026-12-05T03:00:00Z'))).toBe(true);
});

test('hours are validated: a real zone, at least one day, from before to', () => {
  const result = workingHoursSchema.safeParse({ timeZone: 'Mars/Base', days: [], from: '18:00', to: '9:00' });
  expect(result.success).toBe(false);
  expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['timeZone', 'days', 'to']);
});

test('assignment takes an agent on shift before a better-placed one off shift, and an off-shift one before nobody', () => {
  const base = { teamId: 't', skills: ['investments'], dailyContactQuota: 10, contactsToday: 0, openCases: 0 };
  const offShift = { ...base, id: 'a-off', onShift: false };
  const onShiftBusy = { ...base, id: 'b-on', onShift: true, skills: [], contactsToday: 8, openCases: 5 };
  expect(rankAgents([offShift, onShiftBusy], 'special_funds').map((a) => a.id)).toEqual(['b-on', 'a-off']);
  expect(rankAgents([offShift], 'special_funds').map((a) => a.id)).toEqual(['a-off']);
});
