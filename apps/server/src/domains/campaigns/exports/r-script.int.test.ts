import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import type { Language } from '@alongside/contracts';
import { buildCampaignExport } from './campaign-export.ts';
import { TRICKY, TRICKY_COMMENT, exportDataset } from './export.fixture.ts';

// Runs the generated R script on the generated CSV with a real R (Debian's r-base-core and r-cran-jsonlite here;
// skipped where Rscript is absent, as on CI) and checks what R made of it: rows, factor levels and labels, label
// attributes with quotes, apostrophes, æøå and a line break, free text with a line break, scores as numbers.

const hasR = spawnSync('Rscript', ['--version']).status === 0;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const CHECK = `
source(commandArgs(trailingOnly = TRUE)[1], encoding = "UTF-8", chdir = TRUE)
out <- list(
  rows = nrow(survey),
  confidence_levels = levels(survey$confidence),
  confidence = as.character(survey$confidence),
  group_levels = levels(survey$stakeholder_group),
  groups = sort(unique(as.character(survey$stakeholder_group))),
  country_levels = levels(survey$country),
  team_2_label = attr(survey$team_2, "label"),
  team_2_value_labels = names(attr(survey$team_2, "labels")),
  team_2_values = unname(attr(survey$team_2, "labels")),
  team_2_class = class(survey$team_2),
  comments = survey$comment[!is.na(survey$comment)],
  team = survey$team,
  pooled_setting_na = all(is.na(survey$setting[grepl("(Canada)", survey$program, fixed = TRUE) & survey$program != "Clinique du Nord"])),
  submitted_class = if ("submitted_on" %in% names(survey)) class(survey$submitted_on) else "absent"
)
writeLines(enc2utf8(as.character(jsonlite::toJSON(out, auto_unbox = TRUE, digits = NA, na = "null"))), "out.json", useBytes = TRUE)
`;

function runR(language: Language, privacyMode?: 'identified') {
  const dir = mkdtempSync(join(tmpdir(), 'alongside-r-export-'));
  dirs.push(dir);
  const zip = unzipSync(buildCampaignExport(exportDataset({ language, privacyMode }), 'r').body);
  for (const [name, bytes] of Object.entries(zip)) writeFileSync(join(dir, name), bytes);
  writeFileSync(join(dir, 'check.R'), CHECK);
  execFileSync('Rscript', ['--vanilla', 'check.R', `survey-${language}.R`], {
    cwd: dir,
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    stdio: 'pipe',
  });
  const csv = parse<Record<string, string>>(readFileSync(join(dir, 'survey-data.csv'), 'utf8'), { columns: true });
  return { out: JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Record<string, unknown>, csv };
}

describe.skipIf(!hasR)('the R script, run by R', () => {
  it('reads every row and labels factors and columns in French', () => {
    const { out, csv } = runR('fr');
    expect(out.rows).toBe(46);
    expect(out.confidence_levels).toEqual(['Faible', 'Moyenne', 'Élevée']);
    const labels = ['Faible', 'Moyenne', 'Élevée'];
    // Each row's factor label is the label of the code in the same row of the CSV.
    expect(out.confidence).toEqual(csv.map((r) => (r.confidence === '' ? null : labels[Number(r.confidence) - 1])));
    expect(out.group_levels).toEqual([
      'Pairs aidants',
      'Personnel clinique',
      'Gestionnaires',
      'Personnes soutenues',
      'Décideurs publics',
    ]);
    expect(out.groups).toEqual(['Pairs aidants', 'Personnel clinique']);
    expect(out.country_levels).toEqual(['Canada', 'Norvège']);
    expect(out.team_2_label).toBe(TRICKY.fr);
    expect(out.team_2_value_labels).toEqual([
      'Pas du tout d’accord',
      'Pas d’accord',
      'Ni l’un ni l’autre',
      "D'accord",
      'Tout à fait d’accord',
    ]);
    expect(out.team_2_values).toEqual([1, 2, 3, 4, 5]);
    expect(out.team_2_class).toBe('numeric');
    expect(out.comments).toContain(TRICKY_COMMENT);
    expect(out.team).toEqual(csv.map((r) => (r.team === '' ? null : Number(r.team))));
    expect(out.pooled_setting_na).toBe(true);
    expect(out.submitted_class).toBe('absent');
  });

  it('keeps æøå, quotes and a line break in a Norwegian label, and reads the day as a Date when identified', () => {
    const { out } = runR('nb', 'identified');
    expect(out.team_2_label).toBe(TRICKY.nb);
    expect(out.confidence_levels).toEqual(['Lav', 'Middels', 'Høy']);
    expect(out.submitted_class).toBe('Date');
  });
});
