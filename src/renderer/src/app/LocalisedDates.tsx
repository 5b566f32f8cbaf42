// Date pickers follow the UI language (month and day names, Monday first), switching with it.
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: i18n.language === 'fr' ? 'fr' : 'en', firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
