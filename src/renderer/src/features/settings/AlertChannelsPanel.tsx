// The company's own channels for alerts outside Tocsin: its SMTP relay and HTTP gateways (SMS, Teams, Mattermost,
// Slack), each with a test send. Stored secrets never come back: a blank password or secret keeps the stored one.
import { Button, Group, NumberInput, Paper, PasswordInput, Select, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GatewaySettings, NotifyChannel, NotifySettings, NotifySettingsView, SmtpSettings } from '../../../../shared/domain/notify';
import { useNotifySettings, useSaveNotifySettings, useSendTestMessage } from '../../api/hooks/useNotify';
import { useWorkspaceId } from '../../app/WorkspaceContext';
import { QueryState } from '../../components/QueryState';
import { errorMessage } from '../../i18n/errorMessage';
import { useHealthText } from '../../i18n/useHealthText';

const EMPTY_SMTP: SmtpSettings = { host: '', port: 587, security: 'starttls', user: '', password: '', from: '', caCertificate: '', localNetwork: false };
const EMPTY_GATEWAY: GatewaySettings = {
  url: '',
  method: 'POST',
  headers: {},
  bodyTemplate: '{"to":"{{to}}","text":"{{text}}"}',
  bodyFormat: 'json',
  hmac: null,
  deliveredPath: '',
  deliveredValue: 'delivered',
  localNetwork: false,
};

function fromView(view: NotifySettingsView): NotifySettings {
  const gateway = (g: NotifySettingsView['sms']): GatewaySettings | null =>
    g && { ...g, hmac: g.hmacHeader ? { header: g.hmacHeader, secret: '' } : null };
  return { email: view.email && { ...view.email, password: '' }, sms: gateway(view.sms), messenger: gateway(view.messenger) };
}

const PLACEHOLDERS = ['to', 'text', 'subject', 'messageId', 'incident', 'level', 'role', 'person'].map((name) => `{{${name}}}`).join(' ');

const headerLines = (headers: Record<string, string>) => Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\n');
const parseHeaders = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.split(/:(.*)/s).map((part) => part.trim()))
      .filter(([name, value]) => name && value !== undefined),
  ) as Record<string, string>;

function TestSend({ channel }: { readonly channel: NotifyChannel }) {
  const { t } = useTranslation();
  const healthText = useHealthText();
  const test = useSendTestMessage(useWorkspaceId());
  const [to, setTo] = useState('');
  return (
    <Group align="flex-end">
      <TextInput label={t('notify.settings.testTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid={`notify-test-to-${channel}`} />
      <Button variant="light" disabled={to.trim().length < 3} loading={test.isPending} onClick={() => test.mutate({ channel, to })} data-testid={`notify-test-${channel}`}>
        {t('notify.settings.test')}
      </Button>
      {test.data && (
        <Text size="sm" c={test.data.ok ? 'green' : 'red'} role="status">
          {test.data.ok ? t('notify.settings.testOk') : healthText(test.data.reason, null)}
        </Text>
      )}
    </Group>
  );
}

function GatewayFields({ channel, value, onChange }: { readonly channel: 'sms' | 'messenger'; readonly value: GatewaySettings; readonly onChange: (v: GatewaySettings) => void }) {
  const { t } = useTranslation();
  const [headers, setHeaders] = useState(headerLines(value.headers));
  return (
    <Stack gap="xs">
      <TextInput label={t('notify.settings.url')} value={value.url} onChange={(e) => onChange({ ...value, url: e.currentTarget.value })} data-testid={`notify-${channel}-url`} />
      <Group grow>
        <Select label={t('notify.settings.method')} data={['POST', 'PUT', 'GET']} value={value.method} onChange={(m) => m && onChange({ ...value, method: m as GatewaySettings['method'] })} />
        <Select label={t('notify.settings.bodyFormat')} data={['json', 'form', 'text']} value={value.bodyFormat} onChange={(f) => f && onChange({ ...value, bodyFormat: f as GatewaySettings['bodyFormat'] })} />
      </Group>
      <Textarea label={t('notify.settings.headers')} autosize minRows={2} value={headers} onChange={(e) => { setHeaders(e.currentTarget.value); onChange({ ...value, headers: parseHeaders(e.currentTarget.value) }); }} />
      <Textarea label={t('notify.settings.body')} description={`${t('notify.settings.placeholders')} ${PLACEHOLDERS}`} autosize minRows={2} value={value.bodyTemplate} onChange={(e) => onChange({ ...value, bodyTemplate: e.currentTarget.value })} />
      <Group grow>
        <TextInput label={t('notify.settings.hmacHeader')} value={value.hmac?.header ?? ''} onChange={(e) => onChange({ ...value, hmac: e.currentTarget.value ? { header: e.currentTarget.value, secret: value.hmac?.secret ?? '' } : null })} />
        <PasswordInput label={t('notify.settings.hmacSecret')} disabled={!value.hmac} value={value.hmac?.secret ?? ''} onChange={(e) => value.hmac && onChange({ ...value, hmac: { ...value.hmac, secret: e.currentTarget.value } })} />
      </Group>
      <TextInput label={t('notify.settings.deliveredPath')} value={value.deliveredPath} onChange={(e) => onChange({ ...value, deliveredPath: e.currentTarget.value })} />
      <Switch label={t('notify.settings.localNetwork')} checked={value.localNetwork} onChange={(e) => onChange({ ...value, localNetwork: e.currentTarget.checked })} />
    </Stack>
  );
}

function ChannelsForm({ initial }: { readonly initial: NotifySettings }) {
  const { t } = useTranslation();
  const save = useSaveNotifySettings(useWorkspaceId());
  const [settings, setSettings] = useState(initial);
  const email = settings.email;
  return (
    <Stack>
      <Title order={4} size="h5">
        {t('notify.channels.email')}
      </Title>
      <Switch label={t('notify.settings.enabled')} checked={email !== null} onChange={(e) => setSettings({ ...settings, email: e.currentTarget.checked ? EMPTY_SMTP : null })} data-testid="notify-email-enabled" />
      {email && (
        <Stack gap="xs">
          <Group grow>
            <TextInput label={t('notify.settings.host')} value={email.host} onChange={(e) => setSettings({ ...settings, email: { ...email, host: e.currentTarget.value } })} data-testid="notify-email-host" />
            <NumberInput label={t('notify.settings.port')} min={1} max={65535} value={email.port} onChange={(p) => setSettings({ ...settings, email: { ...email, port: Number(p) } })} />
            <Select
              label={t('notify.settings.security')}
              data={(['starttls', 'tls', 'none'] as const).map((value) => ({ value, label: t(`notify.settings.securityModes.${value}`) }))}
              value={email.security}
              onChange={(s) => s && setSettings({ ...settings, email: { ...email, security: s as SmtpSettings['security'] } })}
            />
          </Group>
          <Group grow>
            <TextInput label={t('notify.settings.user')} value={email.user} onChange={(e) => setSettings({ ...settings, email: { ...email, user: e.currentTarget.value } })} />
            <PasswordInput label={t('notify.settings.password')} description={t('notify.settings.keepSecret')} value={email.password} onChange={(e) => setSettings({ ...settings, email: { ...email, password: e.currentTarget.value } })} />
            <TextInput label={t('notify.settings.from')} value={email.from} onChange={(e) => setSettings({ ...settings, email: { ...email, from: e.currentTarget.value } })} data-testid="notify-email-from" />
          </Group>
          <Textarea label={t('notify.settings.ca')} autosize minRows={1} value={email.caCertificate} onChange={(e) => setSettings({ ...settings, email: { ...email, caCertificate: e.currentTarget.value } })} />
          <Switch label={t('notify.settings.localNetwork')} checked={email.localNetwork} onChange={(e) => setSettings({ ...settings, email: { ...email, localNetwork: e.currentTarget.checked } })} />
          <TestSend channel="email" />
        </Stack>
      )}
      {(['sms', 'messenger'] as const).map((channel) => {
        const gateway = settings[channel];
        return (
          <Stack key={channel} gap="xs">
            <Title order={4} size="h5">
              {t(`notify.channels.${channel}`)}
            </Title>
            <Switch label={t('notify.settings.enabled')} checked={gateway !== null} onChange={(e) => setSettings({ ...settings, [channel]: e.currentTarget.checked ? EMPTY_GATEWAY : null })} data-testid={`notify-${channel}-enabled`} />
            {gateway && (
              <>
                <GatewayFields channel={channel} value={gateway} onChange={(v) => setSettings({ ...settings, [channel]: v })} />
                <TestSend channel={channel} />
              </>
            )}
          </Stack>
        );
      })}
      {save.isError && (
        <Text c="red" size="sm" role="alert">
          {errorMessage(save.error, t)}
        </Text>
      )}
      <Group justify="flex-end">
        <Button loading={save.isPending} onClick={() => save.mutate(settings)} data-testid="notify-save">
          {t('notify.settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function AlertChannelsPanel() {
  const { t } = useTranslation();
  const query = useNotifySettings(useWorkspaceId());
  return (
    <Paper withBorder p="lg" data-testid="alert-channels-panel">
      <Title order={3} size="h4" mb="xs">
        {t('notify.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('notify.settings.help')}
      </Text>
      <QueryState query={query}>{(view) => <ChannelsForm initial={fromView(view)} />}</QueryState>
    </Paper>
  );
}
