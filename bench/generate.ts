/**
 * Synthetic corpora for the benchmark: N articles derived from the bundled corpus and the
 * development fixtures. Article i takes most paragraphs of one source article (so its meeting,
 * dateline and facts stay coherent), borrows a paragraph or two from other sources about the same
 * meeting, and is padded to a realistic length with background paragraphs — invented prose full of
 * figures that are not facts (kilometres, drones, percentages), names with diacritics, long
 * paragraphs, the odd Markdown heading or quote. Each outlet has a house style (Zelensky or
 * Zelenskyy, Kyiv or Kiev, curly or straight quotes, dashes), and articles vary figures, dates,
 * Unicode normalisation (NFD) and line endings (CRLF).
 *
 * Article i depends only on (seed, i): the first 1,000 articles of a 10,000-article corpus are the
 * 1,000-article corpus, so corpora of different sizes differ in size only. Same seed, same bytes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Bump when the output of the generator changes, so cached corpora are rebuilt. */
export const GENERATOR_VERSION = 1;

export interface Source {
  file: string;
  outlet: string;
  published: string;
  title: string | null;
  /** The meeting the source reports (latest known meeting on or before `published`). */
  meeting: string;
  paragraphs: string[];
}

export interface GeneratedArticle {
  /** File name, `<index>-<outlet slug>.md`: sorting names sorts articles by index. */
  name: string;
  text: string;
}

const MEETINGS = ['2022-03-29', '2025-05-16', '2025-06-02', '2025-07-23'];

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: a string seed hashed (FNV-1a) into a small fast PRNG (mulberry32).

export interface Rng {
  next(): number;
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
}

function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: string): Rng {
  let a = hashSeed(seed);
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, chance: (p) => next() < p, pick: (list) => list[int(list.length)] as (typeof list)[number] };
}

// ---------------------------------------------------------------------------------------------
// Sources.

/** The repository root: the nearest directory above `from` whose package.json names this project. */
export function findRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'istanbul-talks') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no istanbul-talks package.json above ${from}`);
  }
}

function meetingOf(published: string): string {
  const day = published.slice(0, 10);
  return MEETINGS.filter((m) => m <= day).pop() ?? (MEETINGS[0] as string);
}

/** Our own files, in a known shape: a `key: value` front matter and a body. */
export function parseSource(file: string, text: string): Source {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${file}: no front matter`);
  const meta = new Map<string, string>();
  for (const line of (m[1] as string).split(/\r?\n/)) {
    const kv = /^(\w+):\s*(.*)$/.exec(line);
    if (kv) meta.set(kv[1] as string, (kv[2] as string).replace(/^"(.*)"$/, '$1'));
  }
  const body = (m[2] as string).replace(/\r\n?/g, '\n').trim();
  // Paragraphs are blank-line separated; a body without blank lines has one paragraph per line.
  let paragraphs = body.split(/\n[ \t]*\n/);
  if (paragraphs.length < 4) paragraphs = body.split('\n');
  paragraphs = paragraphs.map((p) => p.trim()).filter((p) => p !== '');
  const published = meta.get('published') ?? '2025-05-16';
  return {
    file,
    outlet: meta.get('outlet') ?? 'Unknown',
    published,
    title: meta.get('title') ?? null,
    meeting: meta.get('event') ?? meetingOf(published),
    paragraphs,
  };
}

export function loadSources(root: string): Source[] {
  const out: Source[] = [];
  for (const dir of ['corpus', 'test/fixtures/dev']) {
    const full = path.join(root, dir);
    for (const name of fs.readdirSync(full).filter((n) => n.endsWith('.md')).sort()) {
      out.push(parseSource(`${dir}/${name}`, fs.readFileSync(path.join(full, name), 'utf8')));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Outlets and their house styles.

const OUTLET_FIRST = [
  'Northern', 'Aegean', 'Baltic', 'Danube', 'Harbour', 'Meridian', 'Pontic', 'Carpathian', 'Coastal', 'Evening', 'Morning',
  'Continental', 'Bosphorus', 'Highland', 'Riverside', 'Granite', 'Silver', 'Amber', 'Iron', 'Cedar', 'Lowland', 'Capital',
  'Frontier', 'Atlantic', 'Adriatic', 'Caspian', 'Eastern', 'Western', 'Central', 'Southern', 'Kraków', 'Zürich', 'Malmö',
  'Plzeň', 'Gdańsk', 'Tromsø', 'Île-de-France', 'Bălți', 'İzmir',
];
const OUTLET_SECOND = [
  'Ledger', 'Herald', 'Dispatch', 'Review', 'Courier', 'Monitor', 'Gazette', 'Tribune', 'Wire', 'Observer', 'Chronicle',
  'Bulletin', 'Post', 'Times', 'Standard', 'Radio', 'Broadcasting', 'Press Agency', 'Journal', 'Weekly', 'Daily', 'Signal',
  'Report', 'Express', 'Correspondent', 'Echo', 'Sentinel',
];

interface Style {
  curlyQuotes: boolean;
  dash: string;
  spellings: Map<RegExp, string>;
  /** Non-breaking spaces between figures and units. */
  nbsp: boolean;
}

/** Interchangeable spellings the gazetteer knows: an outlet keeps one of each. */
const SPELLINGS: Array<[RegExp, string[]]> = [
  [/Dolmabah[çc]e/g, ['Dolmabahçe', 'Dolmabahce']],
  [/(?:Çırağan|Ciragan|Chiragan)/g, ['Çırağan', 'Ciragan', 'Chiragan', 'Çırağan']],
  [/Zelensk(?:yy|iy|ii|y)\b/g, ['Zelensky', 'Zelenskyy', 'Zelenskiy']],
  [/Umerov\b/g, ['Umerov', 'Umerov', 'Umierov', 'Umyerov']],
  [/Medinsky\b/g, ['Medinsky', 'Medinsky', 'Medinskiy', 'Medinski']],
  [/Erdo[ğg]an/g, ['Erdoğan', 'Erdogan']],
  [/\b(?:Turkey|Türkiye)\b/g, ['Turkey', 'Turkey', 'Türkiye']],
  [/\bKyiv\b/g, ['Kyiv', 'Kyiv', 'Kyiv', 'Kiev']],
  [/Zaporizhzhia/g, ['Zaporizhzhia', 'Zaporizhzhia', 'Zaporizhia', 'Zaporozhye']],
  [/Kal[ıi]n\b/g, ['Kalın', 'Kalin']],
  [/Peskov\b/g, ['Peskov']],
];

function styleOf(outletIndex: number, seed: string): Style {
  const rng = createRng(`${seed}:outlet:${outletIndex}`);
  const spellings = new Map<RegExp, string>();
  for (const [re, variants] of SPELLINGS) spellings.set(re, rng.pick(variants));
  return { curlyQuotes: rng.chance(0.6), dash: rng.pick([' – ', ' — ', ' - ', '—']), spellings, nbsp: rng.chance(0.15) };
}

function outletName(index: number): string {
  const first = OUTLET_FIRST[index % OUTLET_FIRST.length] as string;
  const second = OUTLET_SECOND[Math.floor(index / OUTLET_FIRST.length) % OUTLET_SECOND.length] as string;
  return `${first} ${second}`;
}

const OUTLET_COUNT = OUTLET_FIRST.length * OUTLET_SECOND.length;

/** A few outlets publish a lot, most publish a little (roughly Zipf). */
function pickOutlet(rng: Rng): number {
  return Math.min(OUTLET_COUNT - 1, Math.floor(Math.pow(rng.next(), 2.2) * OUTLET_COUNT));
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ø/g, 'o')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join('-');
}

// ---------------------------------------------------------------------------------------------
// Background prose: figures that are not facts, unknown names, long paragraphs.

const UA_CITIES = ['Kharkiv', 'Odesa', 'Dnipro', 'Sumy', 'Chernihiv', 'Mykolaiv', 'Poltava', 'Kryvyi Rih', 'Lviv', 'Bila Tserkva'];
const FRONT_TOWNS = ['Pokrovsk', 'Kostiantynivka', 'Huliaipole', 'Kupiansk', 'Chasiv Yar', 'Toretsk', 'Vovchansk', 'Siversk'];
const EU_CITIES = ['Brussels', 'Kraków', 'Gdańsk', 'Vilnius', 'Tallinn', 'Košice', 'Zürich', 'Malmö', 'Łódź', 'Göteborg', 'Plzeň', 'Riga'];
const THINK = [
  'the Vistula Institute', 'the Aegean Policy Forum', 'the Centre for Black Sea Studies', 'the Danube Economic Council',
  'the Nordic Security Forum', 'Østfold University', 'the Institut d’Études Orientales',
];
const RESEARCHERS = [
  'Małgorzata Wójcik', 'Jiří Novák', 'Ömer Şahin', 'Zoë Lefèvre', 'Søren Ågård', 'Ioana Năstase', 'Gülşen Aydın',
  'Tomasz Brzęczyszczykiewicz', 'Hélène Dubois', 'Mārtiņš Ozoliņš', 'Eszter Kovács', 'Dragoș Ionescu',
];
const LEADERS = ['The Polish prime minister', 'The Finnish president', 'The EU foreign-policy chief', 'The Czech foreign minister', 'Estonia’s prime minister'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const fmt = (n: number) => n.toLocaleString('en-US');

type Filler = (rng: Rng) => string;

const FILLERS: Filler[] = [
  (r) => `Air defence units said they had shot down ${r.int(60) + 20} of ${r.int(40) + 80} drones launched overnight against ${r.pick(UA_CITIES)} and the surrounding region, while falling debris damaged a warehouse and several cars.`,
  (r) => `The front line, which runs for more than ${fmt(900 + r.int(400))}km from the north-east to the Black Sea coast, has barely moved in recent weeks despite heavy fighting near ${r.pick(FRONT_TOWNS)}.`,
  (r) => `Economists at ${r.pick(THINK)} said output could shrink by ${r.int(4) + 1}.${r.int(10)}% this year if sanctions on oil exports were tightened further.`,
  (r) => `${r.pick(LEADERS)} told reporters in ${r.pick(EU_CITIES)} that Europe would keep supporting Ukraine "for as long as it takes" and called for a new package of sanctions.`,
  (r) => `Gas prices rose ${r.int(9) + 2} per cent on the news before easing later in the day, traders in ${r.pick(EU_CITIES)} said.`,
  (r) => `Local authorities ordered the evacuation of ${fmt(200 + r.int(5000))} residents from villages close to the border after ${r.int(9) + 2} days of shelling.`,
  (r) => `In a late-night video address, the president said the country needed more air-defence systems and thanked partners for the latest deliveries, which arrived ${r.int(20) + 2} hours after the request.`,
  (r) => `A poll published this month found that ${r.int(30) + 40}% of respondents supported negotiations, up from ${r.int(20) + 20}% a year earlier.`,
  (r) => `Grain shipments from Odesa reached ${fmt(1_000_000 + r.int(4_000_000))} tonnes in ${r.pick(MONTHS)}, according to port officials, the highest monthly figure since ${2019 + r.int(4)}.`,
  (r) => `Rescue workers searched the rubble of a ${r.int(12) + 5}-storey building for a second day after a strike that killed at least ${r.int(20) + 3} people.`,
  (r) => `The central bank kept its key rate at ${r.int(10) + 12}% on ${r.pick(WEEKDAYS)}, citing persistent inflation and uncertainty about the war.`,
  (r) => `“It is a test of whether either side is willing to move beyond maximalist positions,” said ${r.pick(RESEARCHERS)}, a researcher at ${r.pick(THINK)}.`,
  (r) => `Volunteers in ${r.pick(UA_CITIES)} raised ${fmt(100_000 + r.int(900_000))} hryvnias in ${r.int(40) + 8} hours for drones and first-aid kits, the organisers said.`,
  (r) => `The pipeline, which once carried ${r.int(50) + 10} billion cubic metres of gas a year, has been idle since ${2019 + r.int(4)}.`,
  (r) => `${r.pick(RESEARCHERS)}, who has followed the negotiations since their first round, said the language of the communiqués had hardly changed: both capitals still blame the other for the lack of progress.`,
  (r) => `Shares in ${r.pick(EU_CITIES)} closed ${r.int(3)}.${r.int(10)}% higher, with defence companies leading the gains for the ${r.pick(['third', 'fourth', 'fifth'])} session in a row.`,
  (r) => `The railway line to ${r.pick(FRONT_TOWNS)} reopened after ${r.int(30) + 10} hours of repairs, the operator said, although trains would run at reduced speed for a week.`,
  (r) => `Diplomats who briefed reporters after the talks said the atmosphere had been businesslike but cold, and that neither delegation had expected a breakthrough in ${r.pick(MONTHS)}.`,
  (r) => `Turkish officials said they were ready to host further rounds and that the meeting rooms had been prepared at ${r.int(48) + 12} hours' notice.`,
  (r) => `Asked whether the negotiations could resume before the end of ${r.pick(MONTHS)}, a spokesperson said only that "contacts continue" and declined to give a date.`,
  (r) => `${r.pick(RESEARCHERS)} said the delegations had spent more time on procedure than on substance, a pattern familiar from earlier rounds in ${r.pick(EU_CITIES)} and elsewhere.`,
  (r) => `Officials in ${r.pick(EU_CITIES)} confirmed that ${r.int(30) + 2} Leopard tanks and ${r.int(200) + 50} armoured vehicles had been delivered since ${r.pick(MONTHS)}.`,
];

function backgroundParagraph(rng: Rng, style: Style): string {
  const n = 3 + rng.int(7);
  const sentences: string[] = [];
  for (let i = 0; i < n; i++) sentences.push((rng.pick(FILLERS) as Filler)(rng));
  let text = sentences.join(' ');
  if (rng.chance(0.15)) text = `## ${rng.pick(['Background', 'On the ground', 'Markets', 'Reaction', 'What comes next'])}\n\n${text}`;
  else if (rng.chance(0.08)) text = `> ${text}`;
  if (style.nbsp) text = text.replace(/(\d) (hours|days|drones|people|billion|tonnes)/g, '$1\u00a0$2');
  return text;
}

// ---------------------------------------------------------------------------------------------
// Varying a source article.

/** Figures that differ between outlets: an article changes some of them, everywhere in its text. */
const FIGURES: Array<[RegExp, string[]]> = [
  [/\b1,000\b/g, ['1,000', '1,000', '1000', '1,200', '900']],
  [/\btwo hours\b/g, ['two hours', 'two hours', 'three hours', 'about two hours', 'two and a half hours']],
  [/\b30-day\b/g, ['30-day', '30-day', '60-day', '20-day']],
  [/\bforty minutes\b/g, ['forty minutes', 'forty-five minutes', 'an hour']],
  [/\b1,200\b/g, ['1,200', '1,000', '1,250']],
  [/\b6,000\b/g, ['6,000', '6,057', '5,000']],
];

function applyStyle(text: string, style: Style): string {
  let out = text;
  for (const [re, variant] of style.spellings) out = out.replace(re, variant);
  if (style.curlyQuotes) {
    out = out.replace(/"([^"\n]{1,400})"/g, '\u201c$1\u201d').replace(/(\p{L})'(\p{L})/gu, '$1\u2019$2');
  } else {
    out = out.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'");
  }
  out = out.replace(/ [\u2013\u2014-] /g, style.dash);
  return out;
}

function varyFigures(text: string, rng: Rng): string {
  let out = text;
  for (const [re, variants] of FIGURES) {
    if (rng.chance(0.35)) {
      const to = rng.pick(variants);
      out = out.replace(re, to);
    }
  }
  return out;
}

function shiftDay(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Roughly log-normal article sizes: files average about 4.5 KB, from 1.5 KB to 16 KB. */
function targetSize(rng: Rng): number {
  const normal = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return Math.max(1500, Math.min(16_000, Math.round(3400 * Math.exp(0.5 * normal))));
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

export function generateArticle(index: number, sources: readonly Source[], seed: string): GeneratedArticle {
  const rng = createRng(`${seed}:article:${index}`);
  const base = rng.pick(sources);
  const sameMeeting = sources.filter((s) => s.meeting === base.meeting && s !== base);
  const outletIndex = pickOutlet(rng);
  const outlet = outletName(outletIndex);
  const style = styleOf(outletIndex, seed);

  // Own paragraphs: the first always (lead and dateline), each later one most of the time.
  const own = base.paragraphs.filter((_, i) => i === 0 || !rng.chance(0.15));
  const extra: string[] = [];
  for (let k = rng.int(5); k > 0 && sameMeeting.length > 0; k--) extra.push(rng.pick(rng.pick(sameMeeting).paragraphs));
  let body = [...own];
  for (const p of extra) body.splice(1 + rng.int(body.length), 0, p);
  body = body.map((p) => varyFigures(p, rng));
  const target = targetSize(rng);
  let size = body.reduce((n, p) => n + p.length + 2, 0);
  while (size < target) {
    const p = backgroundParagraph(rng, style);
    body.splice(1 + rng.int(body.length), 0, p);
    size += p.length + 2;
  }
  // Long paragraphs: some outlets run paragraphs together.
  if (rng.chance(0.25)) {
    const merged: string[] = [];
    for (const p of body) {
      const last = merged[merged.length - 1];
      if (last !== undefined && !p.startsWith('#') && !last.startsWith('#') && rng.chance(0.5)) merged[merged.length - 1] = `${last} ${p}`;
      else merged.push(p);
    }
    body = merged;
  }
  let text = applyStyle(body.join('\n\n'), style);
  if (rng.chance(0.03)) text = text.normalize('NFD');

  // Most articles appear the day of the source; some a day later (relative dates still resolve).
  const published = rng.chance(0.15) ? shiftDay(base.published, 1) : base.published.slice(0, 10);
  const title = applyStyle(base.title ?? (own[0] as string).split(/(?<=[.!?])\s/)[0]?.slice(0, 120) ?? 'Istanbul talks', style);
  const front = [
    '---',
    `outlet: ${rng.chance(0.5) ? yamlString(outlet) : outlet}`,
    `published: ${rng.chance(0.1) ? `${published}T${String(6 + rng.int(14)).padStart(2, '0')}:${String(rng.int(60)).padStart(2, '0')}:00Z` : published}`,
    `title: ${yamlString(title)}`,
    ...(rng.chance(0.4) ? [`author: ${yamlString(rng.pick(RESEARCHERS))}`] : []),
    ...(rng.chance(0.5) ? [`url: https://example.org/${slug(outlet)}/${index}`] : []),
    ...(rng.chance(0.1) ? [`event: ${base.meeting}`] : []),
    ...(rng.chance(0.01) ? ['section: world'] : []),
    '---',
    '',
  ].join('\n');
  let file = `${front}${text}\n`;
  if (rng.chance(0.03)) file = file.replace(/\n/g, '\r\n');
  return { name: `${String(index).padStart(6, '0')}-${slug(outlet)}.md`, text: file };
}

export function* generateArticles(count: number, sources: readonly Source[], seed = 'istanbul'): Generator<GeneratedArticle> {
  for (let i = 0; i < count; i++) yield generateArticle(i, sources, seed);
}

export interface CorpusInfo {
  dir: string;
  files: number;
  bytes: number;
  /** True when an existing corpus with the same manifest was reused. */
  reused: boolean;
}

const MANIFEST = '.bench-manifest.json';

/**
 * Writes a corpus of `count` articles to `dir` (emptied first), or reuses the one already there
 * when its manifest says it was built by this generator version from the same sources and seed.
 */
export function writeCorpus(dir: string, count: number, sources: readonly Source[], seed = 'istanbul'): CorpusInfo {
  const sourceHash = createHash('sha256');
  for (const s of sources) sourceHash.update(`${s.file}\0${s.paragraphs.join('\n')}\0`);
  const manifest = { generator: GENERATOR_VERSION, count, seed, sources: sourceHash.digest('hex').slice(0, 16) };
  const manifestFile = path.join(dir, MANIFEST);
  if (fs.existsSync(manifestFile)) {
    const old = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as typeof manifest & { bytes: number };
    if (old.generator === manifest.generator && old.count === count && old.seed === seed && old.sources === manifest.sources) {
      return { dir, files: count, bytes: old.bytes, reused: true };
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const article of generateArticles(count, sources, seed)) {
    const data = Buffer.from(article.text, 'utf8');
    bytes += data.length;
    fs.writeFileSync(path.join(dir, article.name), data);
  }
  fs.writeFileSync(manifestFile, `${JSON.stringify({ ...manifest, bytes })}\n`);
  return { dir, files: count, bytes, reused: false };
}
