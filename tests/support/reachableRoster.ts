// A plan whose ten roles can be reached outside the app, and channel settings for loopback servers: plain data,
// so a browser-mode spec can send them over HTTP without loading the core.
import type { CrisisPlan, Person } from '../../src/shared/domain/plan';
import type { NotifySettings } from '../../src/shared/domain/notify';

export const HMAC_SECRET = 'gateway-shared-secret';

type Channels = NonNullable<Person['channels']>;

/** Holders 0–4 prefer e-mail, 5–7 SMS, 8–9 the messenger; odd ones read English; deputies are reached by e-mail. */
export function holderChannels(index: number): Channels {
  return index < 5 ? ['email', 'sms'] : index < 8 ? ['sms', 'email'] : ['messenger', 'email'];
}

function person(kind: 'holder' | 'deputy', index: number, base: Person): Person {
  return {
    ...base,
    email: `${kind}${index}@example.test`,
    phone: `+41790000${kind === 'holder' ? 1 : 2}${index}`,
    messenger: `@${kind}${index}`,
    language: index % 2 ? 'en' : 'fr',
    channels: kind === 'holder' ? holderChannels(index) : ['email'],
  };
}

/** The plan with every role reachable: channels per person, one deputy each, a call tree and crisis-level escalation. */
export function withReachableRoles(stored: CrisisPlan): CrisisPlan {
  const plan = structuredClone(stored);
  plan.roles.forEach((role, i) => {
    role.holder = person('holder', i, role.holder!);
    role.deputies = role.deputies.slice(0, 1).map((d) => person('deputy', i, d));
    role.calls = [];
  });
  const calls: Partial<Record<string, CrisisPlan['roles'][number]['calls']>> = {
    decisionMaker: ['crisisLead'],
    crisisLead: ['communicationLead', 'legal', 'itSecurity', 'hrInternalComms', 'customerServiceLead', 'scribe'],
    communicationLead: ['communityManager', 'socialAnalyst'],
  };
  for (const role of plan.roles) role.calls = calls[role.id] ?? [];
  plan.escalation = {
    meeting: { withinMinutes: 45, place: { fr: 'Salle Léman, 3e étage', en: 'Léman room, 3rd floor' } },
    levels: { ...plan.escalation.levels, crisis: { first: plan.roles.map((r) => r.id), deputyAfterMinutes: 10, callTreeAfterMinutes: 20, crisisLeadAfterMinutes: 30 } },
  };
  return plan;
}

export function alertSettings(relayPort: number, gatewayUrl: string): NotifySettings {
  return {
    email: { host: '127.0.0.1', port: relayPort, security: 'none', user: '', password: '', from: 'tocsin@example.test', caCertificate: '', localNetwork: false },
    sms: {
      url: `${gatewayUrl}/sms`,
      method: 'POST',
      headers: { authorization: 'Bearer sms-token' },
      bodyTemplate: '{"to":"{{to}}","text":"{{text}}","ref":"{{messageId}}"}',
      bodyFormat: 'json',
      hmac: { header: 'X-Signature', secret: HMAC_SECRET },
      deliveredPath: 'status',
      deliveredValue: 'delivered',
      localNetwork: false,
    },
    messenger: {
      url: `${gatewayUrl}/hooks/tocsin`,
      method: 'POST',
      headers: {},
      bodyTemplate: '{"channel":"{{to}}","text":"**{{subject}}**\\n{{text}}"}',
      bodyFormat: 'json',
      hmac: null,
      deliveredPath: '',
      deliveredValue: 'delivered',
      localNetwork: false,
    },
  };
}

export const lead = { author: 'Anne Roux', authorRole: 'crisisLead' };
