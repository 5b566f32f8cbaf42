// Contacts outside the cell: press, regulators, emergency services, lawyers, agencies, insurers.
import { Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { contactCategorySchema, type Contact } from '../../../../shared/domain/plan';
import { AddButton, RemoveButton, RequiredSelect, TextField } from './listEditing';
import { newPlanId, type PlanEditorProps } from './planEditing';

export function ContactsEditor({ plan, edit }: PlanEditorProps) {
  const { t } = useTranslation();
  const text = (index: number, key: 'name' | 'organisation' | 'phone' | 'email', label: string) => (
    <TextField
      aria-label={label}
      value={plan.contacts[index]![key]}
      onChange={(value) => edit((p) => void (p.contacts[index]![key] = value))}
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
                <RequiredSelect
                  aria-label={t('plan.fields.category')}
                  value={contact.category}
                  data={contactCategorySchema.options.map((c) => ({ value: c, label: t(`plan.contactCategories.${c}`) }))}
                  onChange={(c) => edit((p) => void (p.contacts[index]!.category = c))}
                />
              </Table.Td>
              <Table.Td>{text(index, 'name', t('plan.fields.name'))}</Table.Td>
              <Table.Td>{text(index, 'organisation', t('plan.fields.organisation'))}</Table.Td>
              <Table.Td>{text(index, 'phone', t('plan.fields.phone'))}</Table.Td>
              <Table.Td>{text(index, 'email', t('plan.fields.email'))}</Table.Td>
              <Table.Td>
                <RemoveButton onClick={() => edit((p) => void p.contacts.splice(index, 1))} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <AddButton
        label={t('plan.add')}
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
      />
    </Stack>
  );
}
