import type { Language, LocalizedText } from '@alongside/contracts';

// The REDCap data dictionary's standard columns, in the order REDCap writes them.

export const REDCAP_COLUMNS = [
  'Variable / Field Name',
  'Form Name',
  'Section Header',
  'Field Type',
  'Field Label',
  'Choices, Calculations, OR Slider Labels',
  'Field Note',
  'Text Validation Type OR Show Slider Number',
  'Text Validation Min',
  'Text Validation Max',
  'Identifier?',
  'Branching Logic (Show field only if...)',
  'Required Field?',
  'Custom Alignment',
  'Question Number (surveys only)',
  'Matrix Group Name',
  'Matrix Ranking?',
  'Field Annotation',
] as const;

export type RedcapColumn = (typeof REDCAP_COLUMNS)[number];

/** Without these a file is not a data dictionary. */
export const REQUIRED_REDCAP_COLUMNS: readonly RedcapColumn[] = [
  'Variable / Field Name',
  'Form Name',
  'Field Type',
  'Field Label',
  'Choices, Calculations, OR Slider Labels',
];

/** Header cells compared without case, spacing or punctuation differences. */
export function columnKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** REDCap's fixed codes for its yes/no and true/false field types. */
export const YES_NO: Record<Language, [string, string]> = { en: ['Yes', 'No'], fr: ['Oui', 'Non'], nb: ['Ja', 'Nei'] };
export const TRUE_FALSE: Record<Language, [string, string]> = {
  en: ['True', 'False'],
  fr: ['Vrai', 'Faux'],
  nb: ['Sant', 'Usant'],
};

/** A one-language text. */
export function only(language: Language, text: string): LocalizedText {
  return { [language]: text };
}
