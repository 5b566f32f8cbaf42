// Reads the date formats found in monitoring exports into a UTC ISO string. Dates without a zone are read in the
// zone the person chose at import (by default this computer's, the zone the export tool most likely showed them);
// dates that carry a zone or are epoch numbers are read as they say.
import { instantOf } from '../../../shared/regulatory/zonedTime';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, janv: 1, janvier: 1, january: 1,
  feb: 2, fev: 2, fevr: 2, fevrier: 2, february: 2,
  mar: 3, mars: 3, march: 3,
  apr: 4, avr: 4, avril: 4, april: 4,
  may: 5, mai: 5,
  jun: 6, juin: 6, june: 6,
  jul: 7, juil: 7, juillet: 7, july: 7,
  aug: 8, aou: 8, aout: 8, august: 8,
  sep: 9, sept: 9, septembre: 9, september: 9,
  oct: 10, octobre: 10, october: 10,
  nov: 11, novembre: 11, november: 11,
  dec: 12, decembre: 12, december: 12,
};

const TIME = String.raw`(?:[ T,]+(\d{1,2})[:hH](\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp][Mm])?)?`;
const YMD = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const DMY = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})${TIME}$`);
const D_MON_Y = new RegExp(String.raw`^(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{4})${TIME}$`);
const MON_D_Y = new RegExp(String.raw`^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})${TIME}$`);
const ZONED = /(?:Z|[+-]\d{2}:?\d{2})$/;

export interface ReadDate {
  readonly iso: string;
  /** False when the file gave a wall-clock time only, read in the chosen zone. */
  readonly zoned: boolean;
}

export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function parseDate(raw: string, time?: string, zone: string = localTimeZone()): string | undefined {
  return readDate(raw, time, zone)?.iso;
}

export function readDate(raw: string, time: string | undefined, zone: string): ReadDate | undefined {
  let value = raw.trim();
  if (!value) return undefined;
  if (time?.trim() && !/\d{1,2}:\d{2}/.test(value)) value = `${value} ${time.trim()}`;

  const zoned = (iso: string | undefined): ReadDate | undefined => (iso === undefined ? undefined : { iso, zoned: true });
  if (/^\d{12,14}$/.test(value)) return zoned(fromEpoch(Number(value)));
  if (/^\d{9,10}$/.test(value)) return zoned(fromEpoch(Number(value) * 1000));
  if (/^\d{4}-\d{2}-\d{2}[T ]\d/.test(value) && ZONED.test(value)) {
    return zoned(fromEpoch(Date.parse(value.replace(/^(\S+) /, '$1T').replace(/\s+(?=[Z+-][\d:]*$)/, ''))));
  }
  // RFC 2822 and other forms Date understands unambiguously, as long as they carry a zone.
  if (/(?:GMT|UTC|[+-]\d{4})$/.test(value)) return zoned(fromEpoch(Date.parse(value)));

  const wallClock = (iso: string | undefined): ReadDate | undefined => (iso === undefined ? undefined : { iso, zoned: false });
  const local = (year: number, month: number, day: number, t: readonly (string | undefined)[]): ReadDate | undefined =>
    wallClock(inZone(zone, year, month, day, t));
  if (/^\d{5}(?:\.\d+)?$/.test(value)) return wallClock(fromExcelSerial(zone, Number(value)));

  const plain = value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/(\d)T(\d)/, '$1 $2');
  let match = YMD.exec(plain);
  if (match) return local(+match[1]!, +match[2]!, +match[3]!, match.slice(4));
  match = DMY.exec(plain);
  if (match) {
    let [day, month] = [+match[1]!, +match[2]!];
    // French-first product: dd/mm unless the numbers prove it is mm/dd.
    if (month > 12 && day <= 12) [day, month] = [month, day];
    const year = +match[3]! < 100 ? 2000 + +match[3]! : +match[3]!;
    return local(year, month, day, match.slice(4));
  }
  match = D_MON_Y.exec(plain);
  if (match) return local(+match[3]!, MONTHS[match[2]!.toLowerCase()] ?? 0, +match[1]!, match.slice(4));
  match = MON_D_Y.exec(plain);
  if (match) return local(+match[3]!, MONTHS[match[1]!.toLowerCase()] ?? 0, +match[2]!, match.slice(4));
  return undefined;
}

function inZone(zone: string, year: number, month: number, day: number, time: readonly (string | undefined)[]): string | undefined {
  let hours = time[0] ? +time[0] : 0;
  const minutes = time[1] ? +time[1] : 0;
  const seconds = time[2] ? +time[2] : 0;
  const meridiem = time[3]?.toLowerCase();
  if (meridiem) {
    if (hours < 1 || hours > 12) return undefined;
    hours = (hours % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 60) return undefined;
  const calendar = new Date(Date.UTC(year, month - 1, day));
  // Rejects 31/02 and the like, which Date would roll into March.
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined;
  return fromEpoch(instantOf({ year, month, day, hour: hours, minute: minutes, second: Math.min(seconds, 59), millisecond: 0 }, zone));
}

/** Excel serial day numbers count from 1899-12-30 in the sheet's zone, which the file does not say. */
function fromExcelSerial(zone: string, serial: number): string | undefined {
  if (serial < 20_000 || serial > 80_000) return undefined;
  const utcWallClock = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000));
  return inZone(
    zone,
    utcWallClock.getUTCFullYear(),
    utcWallClock.getUTCMonth() + 1,
    utcWallClock.getUTCDate(),
    [String(utcWallClock.getUTCHours()), String(utcWallClock.getUTCMinutes()), String(utcWallClock.getUTCSeconds())],
  );
}

function fromEpoch(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  // Outside this window a "date" is almost certainly another column misread.
  if (year < 1990 || year > 2100) return undefined;
  return date.toISOString();
}
