import { CAMPAIGN_EXPORT_FORMATS } from '@alongside/contracts';
import type {
  CountryCode,
  InstrumentDefinition,
  Language,
  PrivacyMode,
  ProgramSetting,
  StakeholderGroup,
} from '@alongside/contracts';

// The input and output of a campaign's analyst export (issue 9, "Exports for analysts"). The service reads the
// campaign, its waves, programs, instrument versions and submitted responses into one ExportDataset; everything
// after that is pure.

/** The file sets an analyst can download (the list is the contracts'). */
export const EXPORT_FORMATS = CAMPAIGN_EXPORT_FORMATS;
export type ExportFormat = (typeof CAMPAIGN_EXPORT_FORMATS)[number];

/** An answer as stored: a number, a choice code, codes of a multiple choice, free text, or nothing. */
export type ExportAnswer = number | string | string[] | null;

export interface ExportDataset {
  campaign: {
    id: string;
    title: string;
    ethicsApproval: string;
    dataController: string;
    privacyMode: PrivacyMode;
    k: number;
  };
  /** In their order in the campaign (baseline first): the wave codes 1, 2, … follow it. */
  waves: { id: string; name: string; kind: 'baseline' | 'follow_up' }[];
  programs: { id: string; name: string; countryCode: CountryCode; setting: ProgramSetting }[];
  groups: {
    group: StakeholderGroup;
    instrumentVersionId: string;
    instrumentName: string;
    versionNumber: number;
    definition: InstrumentDefinition;
  }[];
  /** Submitted (consented) responses only. `submittedOn` is a day, YYYY-MM-DD. */
  responses: {
    id: string;
    waveId: string;
    programId: string;
    group: StakeholderGroup;
    language: Language;
    submittedOn: string;
    answers: Record<string, ExportAnswer>;
  }[];
  exportedAt: Date;
  /** The language of every label, the README and the syntax files. */
  language: Language;
}

/** A wave × country × stakeholder group whose small program cells were pooled or withheld (counts only, never ids). */
export interface PooledCell {
  waveId: string;
  waveName: string;
  countryCode: CountryCode;
  group: StakeholderGroup;
  /** How many program cells (each below k) were pooled. */
  programs: number;
  responses: number;
}

/** What the k rule did to the respondent-level rows. */
export interface DisclosureReport {
  k: number;
  /** Pools of at least k responses, shown as "Other programs (<country>)". */
  merged: PooledCell[];
  /** Pools still below k: their rows are left out of every file. */
  withheld: PooledCell[];
}

export interface ExportResult {
  filename: string;
  contentType: 'application/zip';
  body: Uint8Array;
  withheld: DisclosureReport;
}

export interface ExportOptions {
  /** Source of randomness for the export respondent ids (default: crypto). */
  randomBytes?: (length: number) => Uint8Array;
}

/** An export that cannot be made as asked: names the instrument, item or column and why. */
export class ExportError extends Error {
  override name = 'ExportError';
}
