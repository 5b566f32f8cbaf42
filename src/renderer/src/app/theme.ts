// Mantine theme: high-contrast defaults that read on a wall screen at night.
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'red',
  // Focus is drawn by app/focus.css in a neutral colour rather than the primary red (see there).
  focusClassName: 'tocsin-focus',
  defaultRadius: 'sm',
  fontFamily: 'Inter, "DejaVu Sans", "Liberation Sans", system-ui, sans-serif',
  headings: { fontFamily: 'Inter, "DejaVu Sans", "Liberation Sans", system-ui, sans-serif' },
  // Mantine's dark[2] (#828282) is the dimmed text colour and reaches only 4.0:1 on dark surfaces; #a1a1a1
  // gives 6:1 on #242424, so secondary text passes WCAG AA (axe runs on every screen).
  colors: {
    dark: ['#C9C9C9', '#b8b8b8', '#a1a1a1', '#696969', '#424242', '#3b3b3b', '#2e2e2e', '#242424', '#1f1f1f', '#141414'],
  },
});
