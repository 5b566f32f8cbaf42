// Contacts outside the cell: press, regulators, emergency services, lawyers, agencies, insurers.
import { ActionIcon, Button, Select, Stack, Table, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { contactCategorySchema, type Contact, type ContactCategory } from '../../../../shared/domain/plan';
import { newPlanId, type PlanEditorProps } from './planEditing';

export function ContactsEditor({ plan, edit }: PlanEditorProps) {
  const { t } = useTranslation();
  const text = (index: number, key: 'name' | 'organisation' | 'phone' | 'email', label: string) => (
    <TextInput
      aria-label={label}
      value={plan.contacts[index]![key]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        edit((p) => void (p.contacts[index]![key] = value));
      }}
    />
  );
  return (
    <Stack data-testid="plan-contacts">
      <Table verticalSpacing="xs" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>{t('plan.fields.category')}</Table.Th>
            <Table.Th>{t('plan.fields.name')}</Table.Th>
            <Table.Th>{t('plan.fields.organisation')}</Table.Th>
            <Table.Th w={170}>{t('plan.fields.phone')}</Table.Th>
            <Table.Th>{t('plan.fields.email')}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.contacts.map((contact: Contact, index) => (
            <Table.Tr key={contact.id}>
              <Table.Td>
                <Select
                  aria-label={t('plan.fields.category')}
                  value={contact.category}
                  allowDeselect={false}
                  data={contactCategorySchema.options.map((c) => ({ value: c, label: t(`plan.contactCategories.${c}`) }))}
                  onChange={(c) => c && edit((p) => void (p.contacts[index]!.category = c as ContactCategory))}
                />
              </Table.Td>
              <Table.Td>{text(index, 'name', t('plan.fields.name'))}</Table.Td>
              <Table.Td>{text(index, 'organisation', t('plan.fields.organisation'))}</Table.Td>
              <Table.Td>{text(index, 'phone', t('plan.fields.phone'))}</Table.Td>
              <Table.Td>{text(index, 'email', t('plan.fields.email'))}</Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('plan.remove')}
                  onClick={() => edit((p) => void p.contacts.splice(index, 1))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button
        variant="light"
        size="xs"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() =>
          edit(
            (p) =>
              void p.contacts.push({
                id: newPlanId('contact'),
                category: 'other',
                name: '',
                organisation: '',
                phone: '',
                email: '',
                notes: { fr: '', en: '' },
              }),
          )
        }
      >
        {t('plan.add')}
      </Button>
    </Stack>
  );
}
