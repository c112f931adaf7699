import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * A calm deep teal. Shades 7–9 are dark enough for white text and for text on white
 * (shade 7 ≈ 5.5:1, 8 ≈ 7.6:1, 9 ≈ 9.5:1), so filled buttons, links and outlines pass WCAG AA.
 * Shades 0–1 are light enough that shade-7 links stay above 4.5:1 on the "light" backgrounds.
 */
const alongside: MantineColorsTuple = [
  '#f0faf8',
  '#dcf3ef',
  '#9ddcd4',
  '#69c9bd',
  '#3fb8aa',
  '#26a999',
  '#178f81',
  '#0f766e',
  '#115e59',
  '#134e4a',
];

export const theme = createTheme({
  primaryColor: 'alongside',
  primaryShade: { light: 7, dark: 4 },
  colors: { alongside },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  headings: { fontWeight: '650' },
  // No asterisk inside labels: it would become part of the label text ("Email *") for
  // tools that read labels as text. Inputs keep `required`/aria-required; optional
  // fields are grouped and introduced as optional instead.
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md', withAsterisk: false } },
    PasswordInput: { defaultProps: { size: 'md', withAsterisk: false } },
    NativeSelect: { defaultProps: { size: 'md', withAsterisk: false } },
    NumberInput: { defaultProps: { size: 'md', withAsterisk: false } },
    Textarea: { defaultProps: { size: 'md', withAsterisk: false } },
  },
});

/** Mantine's light-mode "dimmed" grey (3.3:1) and error red (3.3:1) are too faint for body text. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});
