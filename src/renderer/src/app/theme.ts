// Mantine theme: high-contrast defaults that read on a wall screen at night.
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'red',
  defaultRadius: 'sm',
  fontFamily: 'Inter, "DejaVu Sans", "Liberation Sans", system-ui, sans-serif',
  headings: { fontFamily: 'Inter, "DejaVu Sans", "Liberation Sans", system-ui, sans-serif' },
});
