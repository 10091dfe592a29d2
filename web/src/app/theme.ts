import { Badge, createTheme } from '@mantine/core';

/** A quiet, legible theme: system fonts (no external font loads under the CSP), one calm accent. */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 8, dark: 6 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    // Sentence-case badges read calmer than the default capitals in long lists.
    Badge: Badge.extend({ styles: { label: { textTransform: 'none', fontWeight: 600 } } }),
  },
});
