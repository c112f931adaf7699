// Our own action tags, written where REDCap (Field Annotation) and XLSForm (an `alongside` column) have no place
// for what Alongside scores with: `@ALONGSIDE-REVERSE @ALONGSIDE-SUBSCALE="role_clarity" @ALONGSIDE-SCALE="agree5"
// @ALONGSIDE-SCORES="1=100;2=75" @ALONGSIDE-IDENTIFIER`. REDCap ignores action tags it does not know.

export interface AlongsideTags {
  reverse: boolean;
  identifier: boolean;
  scale?: string | undefined;
  /** On an XLSForm group whose name had to change: the section id it stands for. */
  section?: string | undefined;
  subscales: string[];
  /** Score per option code or scale value. */
  scores: Map<string, number>;
}

/** Writes the tags that say something (nothing for an item with none). */
export function formatTags(tags: AlongsideTags): string {
  const parts: string[] = [];
  if (tags.reverse) parts.push('@ALONGSIDE-REVERSE');
  if (tags.identifier) parts.push('@ALONGSIDE-IDENTIFIER');
  if (tags.scale) parts.push(`@ALONGSIDE-SCALE="${tags.scale}"`);
  if (tags.section) parts.push(`@ALONGSIDE-SECTION="${tags.section}"`);
  for (const subscale of tags.subscales) parts.push(`@ALONGSIDE-SUBSCALE="${subscale}"`);
  if (tags.scores.size > 0)
    parts.push(`@ALONGSIDE-SCORES="${[...tags.scores].map(([code, score]) => `${code}=${score}`).join(';')}"`);
  return parts.join(' ');
}

const TAG = /@([A-Z][A-Z0-9_-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']\S*)))?(?:\([^)]*\))?/g;

/**
 * Reads our tags from an annotation; other action tags (`@HIDDEN`, `@DEFAULT='1'`) and free text come back
 * separately so the importer can report them, and so do our tags it could not read.
 */
export function parseTags(text: string): {
  tags: AlongsideTags;
  otherTags: string[];
  rest: string;
  problems: string[];
} {
  const tags: AlongsideTags = { reverse: false, identifier: false, subscales: [], scores: new Map() };
  const otherTags: string[] = [];
  const problems: string[] = [];
  const rest = text
    .replace(TAG, (whole: string, name: string, double?: string, single?: string, bare?: string) => {
      const value = double ?? single ?? bare;
      switch (name) {
        case 'ALONGSIDE-REVERSE':
          tags.reverse = true;
          break;
        case 'ALONGSIDE-IDENTIFIER':
          tags.identifier = true;
          break;
        case 'ALONGSIDE-SCALE':
          if (value) tags.scale = value;
          else problems.push('@ALONGSIDE-SCALE needs a scale id');
          break;
        case 'ALONGSIDE-SECTION':
          if (value) tags.section = value;
          else problems.push('@ALONGSIDE-SECTION needs a section id');
          break;
        case 'ALONGSIDE-SUBSCALE':
          if (value) tags.subscales.push(value);
          else problems.push('@ALONGSIDE-SUBSCALE needs a subscale id');
          break;
        case 'ALONGSIDE-SCORES':
          for (const pair of (value ?? '').split(';').filter((p) => p.trim())) {
            const match = /^\s*([^=]+?)\s*=\s*(-?\d+(?:\.\d+)?)\s*$/.exec(pair);
            if (match) tags.scores.set(match[1]!, Number(match[2]));
            else problems.push(`@ALONGSIDE-SCORES: cannot read "${pair}" (expected code=score)`);
          }
          break;
        default:
          if (name.startsWith('ALONGSIDE-')) problems.push(`@${name} is not an Alongside tag this version knows`);
          else otherTags.push(whole.trim());
      }
      return ' ';
    })
    .trim();
  return { tags, otherTags, rest, problems };
}
