import mammoth from 'mammoth';

// A transcript as the case study stores it (issue 11): UTF-8 text in Unicode NFC with LF line ends, its speaker turns
// and, from a subtitle file, its sync points. Every offset is in **characters = Unicode code points** of that text
// (not bytes, not UTF-16 units: "é" is 1, "😊" is 1), the unit REFI-QDA's plain-text selections count in; helpers
// below convert to the UTF-16 indexes JavaScript strings use.
//
// Formats: plain text (.txt), Word (.docx, its text through mammoth), WebVTT (.vtt, `<v Speaker>` voices) and SubRip
// (.srt). A subtitle file becomes one line per cue, "Speaker: words" when a voice names the speaker, each cue's start
// a sync point. A speaker turn is a line that opens with a short capitalised label and a colon ("Interviewer:", "P3:",
// "Ola Nordmann:") and runs to the next such line. A bad file is reported line by line and nothing of it is used.

export type TranscriptFormat = 'text' | 'docx' | 'vtt' | 'srt';

export interface SpeakerTurn {
  speaker: string;
  /** Code-point offsets in the text: [start, end). */
  start: number;
  end: number;
}

export interface SyncPoint {
  /** Code-point offset where the cue's words start. */
  offset: number;
  /** Milliseconds from the start of the recording. */
  ms: number;
}

export interface Transcript {
  format: TranscriptFormat;
  text: string;
  turns: SpeakerTurn[];
  syncPoints: SyncPoint[];
}

export class TranscriptFileError extends Error {
  constructor(readonly problems: { line: number; message: string }[]) {
    super(`The transcript cannot be read (${problems.length} problem${problems.length === 1 ? '' : 's'}).`);
  }
}

/** The length of a text in code points. */
export const codePointLength = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/** The UTF-16 index of a code-point offset (an offset past the end gives the text's length). */
export function utf16Index(text: string, offset: number): number {
  let index = 0;
  let at = 0;
  for (const character of text) {
    if (at === offset) return index;
    index += character.length;
    at++;
  }
  return index;
}

/** The text between two code-point offsets. */
export const sliceByCodePoints = (text: string, start: number, end: number): string => text.slice(utf16Index(text, start), utf16Index(text, end));

const MAX_BYTES = 20 * 1024 * 1024;
/** A speaker label: one to four words, each starting with a capital or a digit ("P3", "Ola Nordmann", "PAIR AIDANT"). */
const TURN = /^((?:[\p{Lu}\p{N}][\p{L}\p{N}'’-]*)(?: [\p{Lu}\p{N}][\p{L}\p{N}'’-]*){0,3}):[ \t]/u;

/** UTF-8 text (a BOM dropped) in NFC with LF line ends; a NUL, a lone surrogate or invalid UTF-8 is refused. */
function decode(content: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    throw new TranscriptFileError([{ line: lineOfInvalidUtf8(content), message: 'is not UTF-8 text' }]);
  }
  return clean(text);
}

function clean(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n').normalize('NFC');
  const nul = normalized.indexOf('\u0000');
  if (nul >= 0) throw new TranscriptFileError([{ line: normalized.slice(0, nul).split('\n').length, message: 'holds a NUL character' }]);
  return normalized;
}

function lineOfInvalidUtf8(content: Uint8Array): number {
  for (let end = 1; end <= content.length; end++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(content.subarray(0, end), { stream: true });
    } catch {
      return content.subarray(0, end).filter((b) => b === 0x0a).length + 1;
    }
  }
  return 1;
}

/** Speaker turns of a text: each labelled line to the next (code-point offsets). */
export function speakerTurns(text: string): SpeakerTurn[] {
  const turns: SpeakerTurn[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const label = TURN.exec(line);
    if (label) {
      const last = turns.at(-1);
      if (last) last.end = trimmedEnd(text, offset);
      turns.push({ speaker: label[1]!, start: offset, end: codePointLength(text) });
    }
    offset += codePointLength(line) + 1;
  }
  const last = turns.at(-1);
  if (last) last.end = trimmedEnd(text, codePointLength(text));
  return turns;
}

/** A turn ends before the line breaks that lead to the next one. */
function trimmedEnd(text: string, offset: number): number {
  const before = sliceByCodePoints(text, 0, offset);
  return codePointLength(before.replace(/\s+$/u, ''));
}

const TIME = /^(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)[.,](\d{3})$/;

function milliseconds(stamp: string): number | undefined {
  const m = TIME.exec(stamp.trim());
  if (!m) return undefined;
  return ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]);
}

/** Cues of a WebVTT or SubRip file as lines "Speaker: words" with their start times, or the problems by line. */
function readCues(text: string, format: 'vtt' | 'srt'): Transcript {
  const lines = text.split('\n');
  const problems: { line: number; message: string }[] = [];
  let i = 0;
  if (format === 'vtt') {
    if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) problems.push({ line: 1, message: 'does not start with WEBVTT' });
    i = 1;
  }
  const cues: { ms: number; speaker: string | null; words: string }[] = [];
  while (i < lines.length) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    // A block: optional id (or NOTE/STYLE/REGION in WebVTT), the timing line, then the cue's text to a blank line.
    const block: { line: number; text: string }[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') block.push({ line: i + 1, text: lines[i++]! });
    if (format === 'vtt' && /^(NOTE|STYLE|REGION)\b/.test(block[0]!.text)) continue;
    const timing = block.findIndex((b) => b.text.includes('-->'));
    if (timing < 0 || timing > 1) {
      problems.push({ line: block[0]!.line, message: 'is not a cue: no "start --> end" timing line' });
      continue;
    }
    const [from, rest] = block[timing]!.text.split('-->') as [string, string];
    const start = milliseconds(from);
    const end = milliseconds(rest.trim().split(/\s+/)[0] ?? '');
    if (start === undefined || end === undefined) {
      problems.push({ line: block[timing]!.line, message: `"${block[timing]!.text.slice(0, 60)}" is not a timing (hh:mm:ss${format === 'srt' ? ',' : '.'}mmm --> hh:mm:ss${format === 'srt' ? ',' : '.'}mmm)` });
      continue;
    }
    if (end < start) problems.push({ line: block[timing]!.line, message: 'ends before it starts' });
    let words = block
      .slice(timing + 1)
      .map((b) => b.text)
      .join(' ');
    const voice = /^<v(?:\.[^ >]*)?[ \t]+([^>]+)>/.exec(words);
    const speaker = voice ? voice[1]!.trim() : null;
    words = words.replace(/<[^>]*>/g, '').trim();
    if (words) cues.push({ ms: start, speaker, words });
  }
  if (problems.length > 0) throw new TranscriptFileError(problems);
  if (cues.length === 0) throw new TranscriptFileError([{ line: 1, message: 'has no cue with words' }]);
  let offset = 0;
  const syncPoints: SyncPoint[] = [];
  const out = cues.map((cue) => {
    const line = cue.speaker ? `${cue.speaker}: ${cue.words}` : cue.words;
    syncPoints.push({ offset, ms: cue.ms });
    offset += codePointLength(line) + 1;
    return line;
  });
  const joined = out.join('\n').normalize('NFC');
  return { format, text: joined, turns: speakerTurns(joined), syncPoints };
}

/** Reads an uploaded transcript; the format comes from the file name's extension. */
export async function readTranscript(file: { filename: string; content: Uint8Array }): Promise<Transcript> {
  if (file.content.length > MAX_BYTES) throw new TranscriptFileError([{ line: 1, message: `is larger than ${MAX_BYTES / 1024 / 1024} MB` }]);
  const extension = /\.([a-z0-9]+)$/i.exec(file.filename)?.[1]?.toLowerCase();
  let transcript: Transcript;
  switch (extension ?? '') {
    case 'txt':
    case 'text': {
      const text = decode(file.content);
      transcript = { format: 'text', text, turns: speakerTurns(text), syncPoints: [] };
      break;
    }
    case 'vtt':
      transcript = readCues(decode(file.content), 'vtt');
      break;
    case 'srt':
      transcript = readCues(decode(file.content), 'srt');
      break;
    case 'docx': {
      let raw: string;
      try {
        raw = (await mammoth.extractRawText({ buffer: Buffer.from(file.content) })).value;
      } catch {
        throw new TranscriptFileError([{ line: 1, message: 'is not a Word document (.docx) that can be read' }]);
      }
      // mammoth ends each paragraph with a blank line: one line per paragraph.
      const text = clean(raw).replace(/\n{2,}/g, '\n').replace(/\n+$/, '');
      transcript = { format: 'docx', text, turns: speakerTurns(text), syncPoints: [] };
      break;
    }
    default:
      throw new TranscriptFileError([{ line: 1, message: `${file.filename} is not a .txt, .docx, .vtt or .srt file` }]);
  }
  if (transcript.text.trim() === '') throw new TranscriptFileError([{ line: 1, message: 'has no text' }]);
  return transcript;
}
