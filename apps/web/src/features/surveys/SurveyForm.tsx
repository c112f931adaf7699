import type { Answers } from '@alongside/contracts/campaigns';
import type { InstrumentDefinition } from '@alongside/contracts/instruments';
import type { Language } from '@alongside/contracts/vocabulary';
import { useEffect, useMemo, useRef } from 'react';
import { Model, type ITheme } from 'survey-core';
import 'survey-core/survey-core.fontless.css';
import './survey-form.css';
import { Survey } from 'survey-react-ui';
import { theme as appTheme } from '../../theme.ts';
import './survey-locales.ts';
import { answersFromSurvey, toSurveyModel, type ToSurveyOptions } from './surveyjs.ts';

/**
 * SurveyJS's default look with the product's teal and fonts, measured in Chromium for WCAG AA: the default brand
 * green (#19B394) is 2.5:1 on white, and the edges of radio buttons, checkboxes and inputs (#D4D4D4, 1.5:1) fall
 * below the 3:1 that controls need; text in #495057 / #5c5f66 and edges in #707070 pass.
 */
const SURVEY_THEME: ITheme = {
  themeName: 'default',
  colorPalette: 'light',
  isPanelless: false,
  cssVariables: {
    '--sjs2-color-project-brand-600': '#0f766e',
    '--sjs2-color-project-brand-700': '#115e59',
    '--sjs2-color-project-brand-800': '#134e4a',
    '--sjs2-color-project-brand-400': '#178f81',
    '--sjs2-color-fg-basic-secondary': '#495057',
    '--sjs2-color-fg-basic-tertiary': '#5c5f66',
    '--sjs2-color-fg-alert-primary': '#c92a2a',
    ...Object.fromEntries(
      ['radio-false-default', 'radio-false-hovered', 'checkbox-false-default', 'checkbox-false-hovered', 'formbox-default', 'formbox-hovered'].map((state) => [
        `--sjs2-color-component-${state}-border`,
        '#707070',
      ]),
    ),
    '--sjs2-typography-font-family-text': appTheme.fontFamily ?? 'system-ui, sans-serif',
  },
};

export interface SurveyFormProps {
  definition: InstrumentDefinition;
  language: Language;
  /** The answers to start from (a resumed draft); later changes come back through `onAnswersChange`. */
  initialAnswers: Answers;
  navigation?: ToSurveyOptions['navigation'];
  onAnswersChange?: (answers: Answers) => void;
  onPageChange?: () => void;
  /** Called when the respondent completes the form; throwing or answering false keeps them on the form. */
  onSubmit: (answers: Answers) => Promise<boolean | undefined>;
}

/**
 * The SurveyJS form for an instrument in one language. Switching language rebuilds the form and keeps the answers
 * and the page the respondent is on.
 */
export function SurveyForm({ definition, language, initialAnswers, navigation, onAnswersChange, onPageChange, onSubmit }: SurveyFormProps) {
  const answers = useRef<Answers>(initialAnswers);
  const page = useRef(0);
  const completeText = navigation?.completeText;
  const pageNextText = navigation?.pageNextText;
  const pagePrevText = navigation?.pagePrevText;

  const model = useMemo(() => {
    const m = new Model(toSurveyModel(definition, { language, navigation: { completeText, pageNextText, pagePrevText } }));
    m.applyTheme(SURVEY_THEME);
    m.data = { ...answers.current };
    m.currentPageNo = Math.min(page.current, Math.max(0, m.visiblePageCount - 1));
    return m;
  }, [definition, language, completeText, pageNextText, pagePrevText]);

  // Handlers go through refs so that a new callback from the parent does not rebuild the form.
  const handlers = useRef({ onAnswersChange, onPageChange, onSubmit });
  handlers.current = { onAnswersChange, onPageChange, onSubmit };

  useEffect(() => {
    const valueChanged = () => {
      answers.current = answersFromSurvey(model.data as Record<string, unknown>, definition);
      handlers.current.onAnswersChange?.(answers.current);
    };
    const pageChanged = () => {
      page.current = model.currentPageNo;
      handlers.current.onPageChange?.();
    };
    const completing = async (_: Model, options: { allow: boolean }) => {
      try {
        // Only what the respondent can see: answers to items their later answers hid are not sent.
        const visible = new Set(model.getAllQuestions(true).map((q) => q.name));
        const done = await handlers.current.onSubmit(answersFromSurvey(model.data as Record<string, unknown>, definition, visible));
        if (done === false) options.allow = false;
      } catch {
        // The page around the form says what went wrong; the respondent stays on the last page to try again.
        options.allow = false;
      }
    };
    model.onValueChanged.add(valueChanged);
    model.onCurrentPageChanged.add(pageChanged);
    model.onCompleting.add(completing);
    return () => {
      model.onValueChanged.remove(valueChanged);
      model.onCurrentPageChanged.remove(pageChanged);
      model.onCompleting.remove(completing);
    };
  }, [model, definition]);

  return <Survey model={model} />;
}
