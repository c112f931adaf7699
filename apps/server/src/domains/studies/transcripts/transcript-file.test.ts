import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { codePointLength, readTranscript, sliceByCodePoints, speakerTurns, TranscriptFileError, utf16Index } from './transcript-file.ts';

const file = (filename: string, text: string) => ({ filename, content: new TextEncoder().encode(text) });

/** The problems of a file that cannot be read. */
async function problems(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TranscriptFileError) return error.problems;
    throw error;
  }
  throw new Error('the file was read');
}

/** A minimal Word document with these paragraphs. */
function docx(paragraphs: string[]): Uint8Array {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escape(p)}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  });
}

describe('transcript offsets', () => {
  it('counts characters as code points: æøå, é (composed or not) and emoji are one each', async () => {
    // "é" written as e + combining acute becomes one character in NFC.
    const { text } = await readTranscript(file('a.txt', '\uFEFFOla: Kjære deg 😊\r\nAnne: Cafe\u0301 på Blåtind'));
    expect(text).toBe('Ola: Kjære deg 😊\nAnne: Café på Blåtind');
    expect(codePointLength(text)).toBe(38);
    expect(text.length).toBe(39);
    // The span "Café" after the emoji: code points 23–27, UTF-16 24–28.
    expect(sliceByCodePoints(text, 23, 27)).toBe('Café');
    expect(utf16Index(text, 23)).toBe(24);
    expect(sliceByCodePoints(text, 15, 16)).toBe('😊');
  });

  it('finds speaker turns and ends each before the next', () => {
    const text = 'Interviewer: How did it start?\nP3: Slowly.\nIt took a year.\n\nInterviewer: And now?';
    expect(speakerTurns(text).map((t) => [t.speaker, sliceByCodePoints(text, t.start, t.end)])).toEqual([
      ['Interviewer', 'Interviewer: How did it start?'],
      ['P3', 'P3: Slowly.\nIt took a year.'],
      ['Interviewer', 'Interviewer: And now?'],
    ]);
    expect(speakerTurns('No labels here. Time: 10:30 is not a speaker\nThen she said: no')).toEqual([]);
  });
});

describe('reading transcript files', () => {
  it('reads WebVTT voices as speaker lines with a sync point per cue', async () => {
    const vtt = 'WEBVTT\n\nNOTE recorded in Tromsø\n\n1\n00:00:01.000 --> 00:00:04.000\n<v Ana>Hei, hvordan går det?\n\n00:01:05.250 --> 00:01:07.500\n<v Ola>Bra, takk 😊\nog deg?\n';
    const transcript = await readTranscript(file('intervju.vtt', vtt));
    expect(transcript.text).toBe('Ana: Hei, hvordan går det?\nOla: Bra, takk 😊 og deg?');
    expect(transcript.syncPoints).toEqual([{ offset: 0, ms: 1000 }, { offset: 27, ms: 65250 }]);
    expect(transcript.turns.map((t) => t.speaker)).toEqual(['Ana', 'Ola']);
  });

  it('reads SubRip cues', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:03,000\nINTERVIEWER: Bonjour, ça va?\n\n2\n00:00:03,500 --> 00:00:06,000\nPAIR AIDANT: Très bien.\n';
    const transcript = await readTranscript(file('entrevue.srt', srt));
    expect(transcript.text).toBe('INTERVIEWER: Bonjour, ça va?\nPAIR AIDANT: Très bien.');
    expect(transcript.syncPoints.map((s) => s.ms)).toEqual([1000, 3500]);
    expect(transcript.turns.map((t) => t.speaker)).toEqual(['INTERVIEWER', 'PAIR AIDANT']);
  });

  it('reads the paragraphs of a Word document', async () => {
    const transcript = await readTranscript({ filename: 'interview.docx', content: docx(['Interviewer: Where?', 'Nurse: On the ward — 4B.']) });
    expect(transcript).toMatchObject({ format: 'docx', text: 'Interviewer: Where?\nNurse: On the ward — 4B.' });
    expect(transcript.turns).toHaveLength(2);
  });

  it('reports a bad file line by line and uses nothing of it', async () => {
    expect(await problems(readTranscript(file('bad.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nHei\n\njust words\n')))).toEqual([
      { line: 3, message: '"00:00:01.000 --> 00:00:0x.000" is not a timing (hh:mm:ss.mmm --> hh:mm:ss.mmm)' },
      { line: 6, message: 'is not a cue: no "start --> end" timing line' },
    ]);
    expect(await problems(readTranscript(file('bad.vtt', '1\n00:00:01.000 --> 00:00:02.000\nHei\n')))).toEqual([{ line: 1, message: 'does not start with WEBVTT' }]);
    expect(await problems(readTranscript({ filename: 'latin1.txt', content: new Uint8Array([0x48, 0x69, 0x0a, 0x6b, 0xe6, 0x72]) }))).toEqual([{ line: 2, message: 'is not UTF-8 text' }]);
    expect(await problems(readTranscript(file('nul.txt', 'a\nb\u0000c')))).toEqual([{ line: 2, message: 'holds a NUL character' }]);
    expect(await problems(readTranscript({ filename: 'fake.docx', content: new TextEncoder().encode('not a zip') }))).toEqual([{ line: 1, message: 'is not a Word document (.docx) that can be read' }]);
    expect(await problems(readTranscript(file('notes.pdf', 'x')))).toEqual([{ line: 1, message: 'notes.pdf is not a .txt, .docx, .vtt or .srt file' }]);
    expect(await problems(readTranscript(file('empty.txt', '  \n ')))).toEqual([{ line: 1, message: 'has no text' }]);
  });
});
