// Proposes a gesture for a customer: a name or handle (personal data, kept to what the case needs), what happened,
// the ticket or mention reference, the gesture and its amount.
import { Alert, Button, Group, NumberInput, Select, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '../../../../shared/domain/incident';
import { useCompensationAction } from '../../api/hooks/useCompensation';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { errorMessage } from '../../i18n/errorMessage';

/** The currencies the form offers; the contract takes any ISO 4217 code. */
const COMMON_CURRENCIES = ['CHF', 'EUR', 'USD', 'GBP'];

export function CompensationCaseForm({ incidentId, actor, onDone }: { incidentId: string; actor: Actor; onDone: () => void }) {
  const { t } = useTranslation();
  const workspaceId = useWorkspaceId();
  const propose = useCompensationAction('compensation:propose');
  const [customer, setCustomer] = useState('');
  const [whatHappened, setWhatHappened] = useState('');
  const [reference, setReference] = useState('');
  const [gesture, setGesture] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [currency, setCurrency] = useState<string | null>('CHF');
  // The input hands over a string while it keeps a trailing zero ("149.90").
  const value = amount === '' ? NaN : Number(amount);
  const ready = customer.trim() && whatHappened.trim() && gesture.trim() && Number.isFinite(value) && currency;
  const submit = () => {
    if (!ready) return;
    propose.mutate({ workspaceId, incidentId, case: { customer, whatHappened, reference, gesture, amount: value, currency }, actor }, { onSuccess: onDone });
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm" data-testid="compensation-form">
        <Title order={4}>{t('compensation.form.title')}</Title>
        <Group grow align="flex-start">
          <TextInput
            label={t('compensation.form.customer')}
            description={t('compensation.form.customerHelp')}
            value={customer}
            onChange={(e) => setCustomer(e.currentTarget.value)}
            required
            data-testid="compensation-customer"
          />
          <TextInput label={t('compensation.form.reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} data-testid="compensation-reference" />
        </Group>
        <Textarea label={t('compensation.form.whatHappened')} value={whatHappened} onChange={(e) => setWhatHappened(e.currentTarget.value)} autosize minRows={2} required data-testid="compensation-what" />
        <Group grow align="flex-start">
          <TextInput label={t('compensation.form.gesture')} value={gesture} onChange={(e) => setGesture(e.currentTarget.value)} required data-testid="compensation-gesture" />
          <NumberInput label={t('compensation.form.amount')} value={amount} onChange={setAmount} min={0} decimalScale={2} required data-testid="compensation-amount" />
          <Select
            label={t('compensation.form.currency')}
            data={COMMON_CURRENCIES}
            value={currency}
            onChange={setCurrency}
            searchable
            allowDeselect={false}
            data-testid="compensation-currency"
          />
        </Group>
        {propose.error && <Alert color="red">{errorMessage(propose.error, t)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('compensation.form.cancel')}
          </Button>
          <Button type="submit" disabled={!ready} loading={propose.isPending} data-testid="compensation-submit">
            {t('compensation.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
