import { strToU8, zipSync } from 'fflate';
import { codebookCsv } from './codebook.ts';
import { flattenLineBreaks, toCsv } from './export-csv.ts';
import { readme, scoreNote, type ExportFile } from './export-readme.ts';
import { buildExportTable, type ExportTable } from './export-table.ts';
import { longCsv } from './long-format.ts';
import { rSyntax } from './r-syntax.ts';
import { redcapDataCsv, redcapDictionaryCsv } from './redcap-export.ts';
import { spssSyntax } from './spss-syntax.ts';
import { stataSyntax } from './stata-syntax.ts';
import type { ExportDataset, ExportFormat, ExportOptions, ExportResult } from './export.types.ts';

// The analyst export of a campaign as one zip per format (issue 9). Pure: the caller reads the dataset, audits the
// export and sends the bytes; nothing here touches the database, the clock or a log.

const DATA = 'survey-data.csv';

/** A file-name-safe form of the campaign title (ASCII letters and digits). */
function slug(title: string): string {
  const ascii = title
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[œŒ]/g, 'oe')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return ascii || 'campaign';
}

const dataCsv = (table: ExportTable, flatten = false) =>
  toCsv(
    table.columns.map((c) => c.name),
    flatten ? flattenLineBreaks(table.rows) : table.rows,
  );

/** The export of a campaign in one format: a zip with the data, its description and a README, and what the k rule withheld. */
export function buildCampaignExport(
  dataset: ExportDataset,
  format: ExportFormat,
  options: ExportOptions = {},
): ExportResult {
  const table = buildExportTable(dataset, options);
  const { language } = dataset;
  const heading = (howToRun: string) => [
    dataset.campaign.title,
    `Alongside, ${dataset.exportedAt.toISOString()} (UTC), labels: ${language}`,
    howToRun,
  ];
  const files: [string, ExportFile, string][] = [];
  switch (format) {
    case 'csv':
      files.push([DATA, 'data', dataCsv(table)], ['codebook.csv', 'codebook', codebookCsv(table)]);
      break;
    case 'long':
      files.push(['survey-long.csv', 'long', longCsv(table)], ['codebook.csv', 'codebook', codebookCsv(table)]);
      break;
    case 'redcap':
      files.push(
        ['redcap-data.csv', 'redcapData', redcapDataCsv(table)],
        ['redcap-dictionary.csv', 'redcapDictionary', redcapDictionaryCsv(table, scoreNote(language))],
      );
      break;
    case 'spss': {
      const flat = { ...table, rows: flattenLineBreaks(table.rows) };
      files.push(
        [DATA, 'data', dataCsv(flat)],
        [
          `survey-${language}.sps`,
          'sps',
          spssSyntax(
            flat,
            DATA,
            heading(
              `Reads ${DATA} from the working folder: first CD to the folder of this file, or put the full path in /FILE`,
            ),
          ),
        ],
        ['codebook.csv', 'codebook', codebookCsv(table)],
      );
      break;
    }
    case 'stata':
      files.push(
        [DATA, 'data', dataCsv(table, true)],
        [
          `survey-${language}.do`,
          'do',
          stataSyntax(
            table,
            DATA,
            heading(
              `Reads ${DATA} from the working folder: first cd to the folder of this file, or put the full path below`,
            ),
          ),
        ],
        ['codebook.csv', 'codebook', codebookCsv(table)],
      );
      break;
    case 'r':
      files.push(
        [DATA, 'data', dataCsv(table)],
        [
          `survey-${language}.R`,
          'R',
          rSyntax(
            table,
            DATA,
            heading(
              `Reads ${DATA} from the working folder: source("survey-${language}.R", encoding = "UTF-8", chdir = TRUE)`,
            ),
          ),
        ],
        ['codebook.csv', 'codebook', codebookCsv(table)],
      );
      break;
  }
  const script = format === 'r' ? `survey-${language}` : undefined;
  const readmeText = readme(
    dataset,
    format,
    files.map(([name, kind]) => [name, kind]),
    table.report,
    script,
  );
  const entries = Object.fromEntries(
    [['README.txt', readmeText], ...files.map(([name, , content]) => [name, content])].map(([name, content]) => [
      name!,
      strToU8(content!),
    ]),
  );
  const body = zipSync(entries, { level: 6, mtime: dataset.exportedAt });
  const day = dataset.exportedAt.toISOString().slice(0, 10);
  return {
    filename: `${slug(dataset.campaign.title)}-${format}-${language}-${day}.zip`,
    contentType: 'application/zip',
    body,
    withheld: table.report,
  };
}
