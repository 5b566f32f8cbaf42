// A date-and-time field that speaks the reader's language (day and month names, day-first order), where the
// browser's own datetime-local field follows the operating system's locale whatever language Tocsin is in.
// Values are local wall-clock time as `YYYY-MM-DDTHH:mm`, the format the callers already convert to UTC.
import { DateTimePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

const FORMAT = { fr: 'DD/MM/YYYY HH:mm', en: 'D MMM YYYY, HH:mm' } as const;

interface Props {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  'data-testid'?: string;
}

export function LocalDateTimeInput({ label, description, value, onChange, required, ...rest }: Props) {
  const { i18n } = useTranslation();
  return (
    <DateTimePicker
      label={label}
      description={description}
      required={required}
      clearable={!required}
      valueFormat={FORMAT[i18n.language === 'fr' ? 'fr' : 'en']}
      value={value ? `${value.replace('T', ' ')}:00` : null}
      onChange={(next) => onChange(next ? next.slice(0, 16).replace(' ', 'T') : '')}
      data-testid={rest['data-testid']}
    />
  );
}
