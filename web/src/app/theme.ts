import {
  Badge,
  type CSSVariablesResolver,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Mantine's light, outline and filled colours for orange, yellow and teal fall under WCAG AA
 * contrast (4.5:1) on white; text in those variants gets a darker ink of the same hue.
 */
const accessibleVariants: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return base;
  const shades = input.theme.colors[parsed.color];
  if (!shades) return base;
  const ink = darken(shades[9], parsed.color === 'gray' ? 0.2 : 0.35);
  switch (input.variant) {
    case 'light':
    case 'subtle':
      return { ...base, color: ink, hoverColor: ink };
    case 'outline':
      return { ...base, color: ink, hoverColor: ink, border: `1px solid ${shades[7]}` };
    case 'filled':
      return { ...base, background: darken(shades[9], 0.15), hover: darken(shades[9], 0.3), color: '#fff' };
    default:
      return base;
  }
};

/** A quiet, legible theme: system fonts (no external font loads under the CSP), one calm accent. */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 9, dark: 6 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  variantColorResolver: accessibleVariants,
  components: {
    // Sentence-case badges read calmer than the default capitals in long lists.
    Badge: Badge.extend({ styles: { label: { textTransform: 'none', fontWeight: 600 } } }),
  },
});

/**
 * Mantine's dimmed grey is 3.3:1 on white; this one keeps secondary text quiet but readable (AA). Its
 * field-error red (red 6) is 3.6:1; red 9 reads at 6:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a', '--mantine-color-placeholder': '#6c737a', '--mantine-color-error': '#c92a2a' },
  dark: {},
});
