// The row controls every plan editor repeats: remove and add buttons, a list of removable rows, a titled block,
// a text input and a required choice that hand back the value only, an accordion of named entries.
import { Accordion, ActionIcon, Button, Group, Select, Stack, Text, TextInput, type SelectProps, type TextInputProps } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../../shared/domain/plan';
import { BilingualField } from './fields';

/** The plan keeps FR and EN text; editors show the one matching the interface language. */
export function usePlanLanguage(): 'fr' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'fr' ? 'fr' : 'en';
}

export function RemoveButton({ onClick, mb }: { onClick: () => void; mb?: number }) {
  const { t } = useTranslation();
  return (
    <ActionIcon variant="subtle" color="red" mb={mb} aria-label={t('plan.remove')} onClick={onClick}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}

export function AddButton({ label, onClick, testId }: { label: string; onClick: () => void; testId?: string }) {
  return (
    <Button variant="light" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}

export function RemovableList<T>({
  items,
  renderItem,
  onRemove,
  removeOffset,
  onAdd,
  addLabel,
  addTestId,
}: {
  items: readonly T[];
  renderItem: (item: T, index: number) => ReactNode;
  onRemove: (index: number) => void;
  removeOffset: number;
  onAdd: () => void;
  addLabel: string;
  addTestId?: string;
}) {
  return (
    <Stack gap="xs">
      {items.map((item, index) => (
        <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
          {renderItem(item, index)}
          <RemoveButton mb={removeOffset} onClick={() => onRemove(index)} />
        </Group>
      ))}
      <AddButton label={addLabel} onClick={onAdd} testId={addTestId} />
    </Stack>
  );
}

export function TitledBlock({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      {children}
    </div>
  );
}

/** A text input that hands back the typed value, read before React reuses the event. */
export function TextField({ onChange, ...props }: Omit<TextInputProps, 'onChange'> & { onChange: (value: string) => void }) {
  return <TextInput {...props} onChange={(e) => onChange(e.currentTarget.value)} />;
}

/** A choice that always holds a value: clearing is not offered, so onChange gets the chosen value only. */
export function RequiredSelect<V extends string>({
  onChange,
  ...props
}: Omit<SelectProps<V>, 'onChange' | 'allowDeselect'> & { onChange: (value: V) => void }) {
  return <Select<V> {...props} allowDeselect={false} onChange={(value) => value && onChange(value)} />;
}

/**
 * One accordion item per named plan entry: its name and a summary in the header, the name's FR/EN fields first
 * in the panel. The roles editor opens its first entry and keeps each header on one line.
 */
export function NamedEntriesAccordion<T extends { id: string; name: LocalizedText }>({
  entries,
  testId,
  openFirst = false,
  summary,
  onNameChange,
  children,
}: {
  entries: readonly T[];
  testId: string;
  openFirst?: boolean;
  summary: (entry: T) => ReactNode;
  onNameChange: (index: number, name: LocalizedText) => void;
  children: (entry: T, index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const lang = usePlanLanguage();
  return (
    <Accordion
      variant="separated"
      multiple={openFirst}
      defaultValue={openFirst ? [entries[0]?.id ?? ''] : undefined}
      data-testid={testId}
    >
      {entries.map((entry, index) => (
        <Accordion.Item key={entry.id} value={entry.id}>
          <Accordion.Control>
            <Group justify="space-between" wrap={openFirst ? 'nowrap' : undefined} pr="md">
              <Text fw={600}>{entry.name[lang]}</Text>
              {summary(entry)}
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack>
              <BilingualField
                label={t('plan.fields.name')}
                value={entry.name}
                onChange={(name) => onNameChange(index, name)}
                testId={`${testId}-${entry.id}-name`}
              />
              {children(entry, index)}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
