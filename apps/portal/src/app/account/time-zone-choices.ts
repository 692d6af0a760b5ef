import { readableZoneName } from '../core/date-time';

/**
 * The time-zone picker's words: every zone the browser lists, grouped by region and named by its
 * place, its offset at a given moment and, where the browser has one, its name ("London — GMT
 * (United Kingdom Time)"). The value stays the IANA id the API checks. Labels start with the place,
 * so typing "Lon" in the closed select finds London.
 */
type Locales = string | readonly string[] | undefined;

export interface TimeZoneChoice {
  /** The IANA id, e.g. "Europe/London". */
  readonly id: string;
  readonly label: string;
}

export interface TimeZoneGroup {
  readonly region: string;
  readonly choices: readonly TimeZoneChoice[];
}

/** IANA's regions as people say them, in the order the picker lists them; the rest go under "Other". */
const REGION_NAMES: Readonly<Record<string, string>> = {
  Africa: 'Africa',
  America: 'Americas',
  Asia: 'Asia',
  Atlantic: 'Atlantic Ocean',
  Australia: 'Australia',
  Europe: 'Europe',
  Indian: 'Indian Ocean',
  Pacific: 'Pacific Ocean',
};
const OTHER_REGION = 'Other';

/**
 * Browsers list CLDR's canonical ids, some of which keep a city's old name ("Asia/Calcutta",
 * "Europe/Kiev"): the label says the name people use now. The value stays the browser's id.
 */
const PLACES_AS_NAMED_NOW: Readonly<Record<string, string>> = {
  Calcutta: 'Kolkata',
  Kiev: 'Kyiv',
  Saigon: 'Ho Chi Minh City',
  Rangoon: 'Yangon',
  Katmandu: 'Kathmandu',
  Godthab: 'Nuuk',
  Asmera: 'Asmara',
  Uzhgorod: 'Uzhhorod',
};

/** Offered whether or not the browser lists it (it is an alias): people who want no offset at all look for it. */
const UTC = 'UTC';

function regionOf(id: string): string {
  return REGION_NAMES[id.split('/')[0]] ?? OTHER_REGION;
}

/**
 * "London"; "Buenos Aires, Argentina" for "America/Argentina/Buenos_Aires"; "Troll, Antarctica"
 * where the region is not a group of its own; an id that names no place ("UTC", "Etc/GMT+5") as it is.
 */
function placeOf(id: string): string {
  const [region, ...rest] = id.split('/');
  if (rest.length === 0 || region === 'Etc') {
    return id;
  }
  const place = rest.reverse().map((part) => {
    const words = part.replace(/_/g, ' ');
    return PLACES_AS_NAMED_NOW[words] ?? words;
  });
  return [...place, ...(region in REGION_NAMES ? [] : [region])].join(', ');
}

const MINUTE = 60_000;

/** Latin digits and the Gregorian calendar, so the parts read as numbers in every locale. */
const WALL_CLOCK: Intl.DateTimeFormatOptions = {
  calendar: 'gregory',
  numberingSystem: 'latn',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  timeZoneName: 'longGeneric',
};

interface ZoneAt {
  /** Minutes ahead of UTC at the moment asked about. */
  readonly offset: number;
  /** "United Kingdom Time"; null where the browser only has the offset to give. */
  readonly name: string | null;
}

/**
 * One formatter per zone gives both its offset (from its wall clock) and its name: making a formatter
 * is the cost (about half a millisecond in Chromium each), and ~420 zones asked twice took 350–650 ms.
 * They are made here rather than through intl-formatters.ts, whose cache would be flushed by 420 of them.
 */
function zoneAt(id: string, at: Date, locales: Locales): ZoneAt {
  const parts = new Intl.DateTimeFormat(locales as string | string[] | undefined, {
    ...WALL_CLOCK,
    timeZone: id,
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value ?? '';
  const number = (type: Intl.DateTimeFormatPartTypes) => Number(part(type));
  const wall = Date.UTC(number('year'), number('month') - 1, number('day'), number('hour'), number('minute'));
  const offset = Math.round((wall - Math.floor(at.getTime() / MINUTE) * MINUTE) / MINUTE);
  // Without a name of its own a zone's generic name is its offset ("GMT+00:00" for UTC): said once.
  const name = part('timeZoneName');
  return { offset, name: name && !/\d/.test(name) ? name : null };
}

/** Writes each offset as the pages do ("GMT+5:30", "GMT-5"; "GMT" alone for none), once per offset. */
class OffsetWords {
  private readonly said = new Map<number, string>();

  constructor(
    private readonly at: Date,
    private readonly locales: Locales,
  ) {}

  of(offset: number, id: string): string {
    let words = this.said.get(offset);
    if (words === undefined) {
      const parts = new Intl.DateTimeFormat(this.locales as string | string[] | undefined, {
        timeZone: id,
        timeZoneName: 'shortOffset',
      }).formatToParts(this.at);
      words = readableZoneName(parts.find((part) => part.type === 'timeZoneName')?.value ?? '');
      this.said.set(offset, words);
    }
    return words;
  }
}

function choiceFor(id: string, at: Date, locales: Locales, offsets: OffsetWords): TimeZoneChoice {
  const { offset, name } = zoneAt(id, at, locales);
  const offsetWords = offsets.of(offset, id);
  return { id, label: `${placeOf(id)} — ${offsetWords}${name ? ` (${name})` : ''}` };
}

/** One zone's label, as the picker writes it: for a zone it may not list, or to say which was saved. */
export function timeZoneLabel(id: string, at: Date, locales?: Locales): string {
  return choiceFor(id, at, locales, new OffsetWords(at, locales)).label;
}

function grouped(choices: readonly TimeZoneChoice[], locales: Locales): TimeZoneGroup[] {
  const collator = new Intl.Collator(locales as string | string[] | undefined);
  const order = [...Object.values(REGION_NAMES), OTHER_REGION];
  return order
    .map((region) => ({
      region,
      choices: choices
        .filter((choice) => regionOf(choice.id) === region)
        .sort((a, b) => collator.compare(a.label, b.label)),
    }))
    .filter((group) => group.choices.length > 0);
}

/**
 * Every zone the browser lists, by region, each labelled with its offset at `at`. About 420 zones,
 * a formatter each: make it once per picker.
 */
export function listedTimeZones(at: Date, locales?: Locales): TimeZoneGroup[] {
  const offsets = new OffsetWords(at, locales);
  const listed = Intl.supportedValuesOf('timeZone');
  const ids = listed.includes(UTC) ? listed : [...listed, UTC];
  return grouped(
    ids.map((id) => choiceFor(id, at, locales, offsets)),
    locales,
  );
}

/** The groups with `id` among them: a zone in use that the browser does not list (e.g. "UTC") is kept. */
export function withTimeZone(groups: TimeZoneGroup[], id: string, at: Date, locales?: Locales): TimeZoneGroup[] {
  if (groups.some((group) => group.choices.some((choice) => choice.id === id))) {
    return groups;
  }
  const added = { id, label: timeZoneLabel(id, at, locales) };
  return grouped([...groups.flatMap((group) => group.choices), added], locales);
}

/** The label of `id` among the groups, else made for it. */
export function labelAmong(groups: readonly TimeZoneGroup[], id: string, at: Date, locales?: Locales): string {
  for (const group of groups) {
    const found = group.choices.find((choice) => choice.id === id);
    if (found) return found.label;
  }
  return timeZoneLabel(id, at, locales);
}
