// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { MAX_TTL_HOURS } from '@intent-sandboxes/backstage-plugin-intent-common';
import { ask, assume, combine, Notes, NO_NOTES } from '../notes';

const HOUR = 3_600_000;

const UNIT_HOURS: Array<[RegExp, number]> = [
  [/^(?:minutes?|mins?|m)$/, 1 / 60],
  [/^(?:hours?|hrs?|h)$/, 1],
  [/^(?:days?|d)$/, 24],
  [/^(?:weeks?|wks?|w)$/, 24 * 7],
  [/^(?:months?|mo)$/, 24 * 30],
];

const AMOUNT = '(\\d+(?:\\.\\d+)?|an?|half an?|half a)';
const UNIT =
  '(minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mo)';
/** "4 hours", "4h", "2-day"; words only with whole units: "a day", not "and". */
const DURATION = new RegExp(
  `\\b(\\d+(?:\\.\\d+)?)\\s*-?\\s*${UNIT}\\b|\\b(an?|half an?|half a)\\s+(minute|hour|day|week|month)\\b`,
);
/** "extend by 4 hours", "another day", "2 more days", "4 hours longer", "add 4h". */
const EXTENDS: RegExp[] = [
  new RegExp(
    `\\b(?:extend(?:ed)?(?: it| the ttl| the sandbox| the lifetime| expiry)?(?: by)?|(?:for )?another|add|plus)\\s+${AMOUNT}\\s+${UNIT}\\b`,
  ),
  new RegExp(`\\b${AMOUNT}\\s+(?:more|extra)\\s+${UNIT}\\b`),
  new RegExp(`\\b${AMOUNT}\\s+${UNIT}\\s+(?:more|longer|extra)\\b`),
  /\b(?:extend(?:ed)?(?: it)?(?: by)?|another|add|plus)\s+(\d+(?:\.\d+)?)(h|d)\b/,
  /\b(?:for )?another\s+()(minute|hour|day|week|month)\b/,
];

const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];
const WEEKDAY =
  /\b(?:until|till|til|through|thru|by|to|up to)\s+(?:next\s+|this\s+)?(sun(?:day)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?)\b/;
const WEEKEND = /\b(?:for|over|through|during|this|the) (?:the )?weekend\b/;
const OVERNIGHT = /\bovernight\b/;
const TOMORROW = /\b(?:until|till|til|to|by) tomorrow(?: (morning))?\b/;
const END_OF_DAY =
  /\b(?:until|till|til|by) (?:the )?end of (?:the )?(?:day|today)\b|\beod\b|\b(?:until|till|by) (?:tonight|this evening)\b|\bfor (?:the rest of )?today\b/;
const END_OF_WEEK =
  /\b(?:until|till|by) (?:the )?end of (?:the|this) week\b|\beow\b/;
const CLOCK =
  /\b(?:until|till|til|by)\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\b(?!\s*(?:hours?|days?|h|d))/;
const DATE = /\b(?:until|till|til|by|through)\s+(\d{4})-(\d{2})-(\d{2})\b/;
const FOREVER =
  /\b(?:permanent(?:ly)?|forever|indefinitely|no expiry|never expires?|does not expire|doesn't expire|no ttl|long[- ]lived)\b/;

/** Hours of "4", "a", "half an" in a unit. */
function toHours(amount: string, unit: string): number {
  const perUnit = UNIT_HOURS.find(([pattern]) => pattern.test(unit))![1];
  let count = Number(amount);
  if (/^half/.test(amount)) {
    count = 0.5;
  } else if (/^(?:an?|)$/.test(amount)) {
    count = 1;
  }
  return Math.round(count * perUnit * 100) / 100;
}

function at(day: Date, hour: number, minute = 0): Date {
  const result = new Date(day.getTime());
  result.setUTCHours(hour, minute, 0, 0);
  return result;
}

function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * 24 * HOUR);
}

/** The next time it is `weekday` at `hour` (UTC), today included if still ahead. */
function nextWeekday(now: Date, weekday: number, hour: number): Date {
  let days = (weekday - now.getUTCDay() + 7) % 7;
  if (days === 0 && at(now, hour) <= now) {
    days = 7;
  }
  return at(addDays(now, days), hour);
}

interface Deadline {
  target: Date;
  said: string;
  readAs: string;
}

/** "until 5pm", "by 6pm tomorrow", "until 17:30". */
function clockDeadline(text: string, now: Date): Deadline | undefined {
  const clock = text.match(CLOCK);
  if (!clock || !(clock[2] || clock[3])) {
    return undefined;
  }
  const hour = (Number(clock[1]) % 12) + (clock[3] === 'pm' ? 12 : 0);
  const hour24 = clock[3] ? hour : Number(clock[1]);
  const today = at(now, hour24, Number(clock[2] ?? 0));
  const after = text.slice(clock.index! + clock[0].length);
  const before = text.slice(0, clock.index);
  const nextDay =
    /^\s*tomorrow\b/.test(after) ||
    /\btomorrow\s*(?:at|by|until)?\s*$/.test(before);
  let target = today > now ? today : addDays(today, 1);
  if (nextDay) {
    target = addDays(today, 1);
  }
  const time = `${String(hour24).padStart(2, '0')}:${clock[2] ?? '00'} UTC`;
  return {
    target,
    said: nextDay ? `${clock[0]} tomorrow` : clock[0],
    readAs: nextDay ? `tomorrow ${time}` : time,
  };
}

function findDeadline(text: string, now: Date): Deadline | undefined {
  const weekday = text.match(WEEKDAY);
  if (weekday) {
    const index = WEEKDAYS.findIndex(d => d.startsWith(weekday[1].slice(0, 3)));
    const name = WEEKDAYS[index].replace(/^./, c => c.toUpperCase());
    return {
      target: nextWeekday(now, index, 18),
      said: weekday[0],
      readAs: `${name} 18:00 UTC, the end of the working day`,
    };
  }
  if (WEEKEND.test(text)) {
    return {
      target: nextWeekday(now, 1, 9),
      said: 'for the weekend',
      readAs: 'Monday 09:00 UTC',
    };
  }
  if (END_OF_WEEK.test(text)) {
    return {
      target: nextWeekday(now, 5, 18),
      said: 'until the end of the week',
      readAs: 'Friday 18:00 UTC',
    };
  }
  const tomorrow = text.match(TOMORROW);
  if (tomorrow) {
    const hour = tomorrow[1] ? 9 : 18;
    return {
      target: at(addDays(now, 1), hour),
      said: tomorrow[0],
      readAs: `tomorrow ${hour}:00 UTC`,
    };
  }
  if (OVERNIGHT.test(text)) {
    return {
      target: at(addDays(now, 1), 9),
      said: 'overnight',
      readAs: 'tomorrow 09:00 UTC',
    };
  }
  if (END_OF_DAY.test(text)) {
    return {
      target: at(now, 18),
      said: 'until the end of the day',
      readAs: 'today 18:00 UTC',
    };
  }
  const date = text.match(DATE);
  if (date) {
    return {
      target: new Date(Date.UTC(+date[1], +date[2] - 1, +date[3], 18)),
      said: date[0],
      readAs: `${date[1]}-${date[2]}-${date[3]} 18:00 UTC`,
    };
  }
  return clockDeadline(text, now);
}

/** @internal */
export interface TtlMatch {
  /** The lifetime asked for, in hours from now. */
  ttlHours?: number;
  /** "4 more hours": hours to add to the current lifetime. */
  extendHours?: number;
  notes: Notes;
}

function capped(hours: number, said: string): TtlMatch {
  if (hours > MAX_TTL_HOURS) {
    return {
      ttlHours: MAX_TTL_HOURS,
      notes: ask(
        `"${said}" is longer than any sandbox may live (${MAX_TTL_HOURS} hours); the plan asks for the maximum. For something that lasts, promote the sandbox to a Terraform repository`,
      ),
    };
  }
  return { ttlHours: hours, notes: NO_NOTES };
}

/**
 * How long the sandbox should live: a duration ("for 4 hours", "2d"), a
 * deadline read against `now` in UTC ("until Friday", "for the weekend",
 * "overnight") or an extension ("4 more hours"). "Forever" is a question:
 * every sandbox expires.
 *
 * @internal
 */
export function matchTtl(text: string, now: Date): TtlMatch {
  if (FOREVER.test(text)) {
    return {
      notes: ask(
        'Sandboxes always expire (policy sets the maximum): how long do you need it? For something permanent, promote the sandbox to a Terraform repository',
      ),
    };
  }
  const extend = EXTENDS.map(pattern => text.match(pattern)).find(Boolean);
  if (extend) {
    return { extendHours: toHours(extend[1], extend[2]), notes: NO_NOTES };
  }
  const deadline = findDeadline(text, now);
  if (deadline) {
    const hours = Math.ceil((deadline.target.getTime() - now.getTime()) / HOUR);
    if (hours <= 0) {
      return {
        notes: ask(
          `"${deadline.said}" is already over: how long do you need it?`,
        ),
      };
    }
    const result = capped(hours, deadline.said);
    return {
      ...result,
      notes: combine(
        result.notes,
        assume(
          'ttlHours',
          String(result.ttlHours),
          `"${deadline.said}" was read as ${
            deadline.readAs
          } (${deadline.target.toISOString()})`,
        ),
      ),
    };
  }
  const duration = text.match(DURATION);
  if (duration) {
    return capped(
      toHours(duration[1] ?? duration[3], duration[2] ?? duration[4]),
      duration[0],
    );
  }
  return { notes: NO_NOTES };
}
