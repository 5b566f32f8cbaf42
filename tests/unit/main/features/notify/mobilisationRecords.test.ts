// The signed records of the mobilisation domain: a mobilisation and an acknowledgement hold only under their author
// laptop's key, an acknowledgement only from the laptop its call names, and a roster person maps to one member.
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  acknowledgementHolds,
  acknowledgementRecordSchema,
  deviceOfPerson,
  mobilisationHolds,
  signAcknowledgement,
  signMobilisation,
} from '../../../../../src/main/features/notify/sharedMobilisation/mobilisationRecords';

function laptop(digit: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { device: digit.repeat(32), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), signer: (data: Buffer) => sign(null, data, privateKey) };
}

const alice = laptop('a');
const bob = laptop('b');
const carol = laptop('c');

const mobilisation = signMobilisation(
  {
    id: randomUUID(),
    incidentId: randomUUID(),
    title: 'Fuite de données clients',
    level: 'crisis',
    startedAt: '2026-03-02T08:00:00.000Z',
    device: alice.device,
    calls: [
      { roleId: 'crisisLead', roleName: { fr: 'Pilote de crise', en: 'Crisis lead' }, personName: 'Bruno Keller', device: bob.device },
      { roleId: 'legal', roleName: { fr: 'Juridique', en: 'Legal' }, personName: 'Léa Morel', device: null },
    ],
  },
  alice.signer,
);

const ackBy = (who: typeof bob, roleId: string, signer = who.signer) =>
  signAcknowledgement({ mobilisationId: mobilisation.id, roleId, device: who.device, acknowledgedAt: '2026-03-02T08:03:00.000Z' }, signer);

describe('mobilisation records', () => {
  it('holds a mobilisation under its laptop’s key only, and not once a call is changed', () => {
    expect(mobilisationHolds(mobilisation, alice.publicKeyPem)).toBe(true);
    expect(mobilisationHolds(mobilisation, bob.publicKeyPem)).toBe(false);
    expect(mobilisationHolds(mobilisation, undefined)).toBe(false);
    const redirected = { ...mobilisation, calls: mobilisation.calls.map((c) => ({ ...c, device: carol.device })) };
    expect(mobilisationHolds(redirected, alice.publicKeyPem)).toBe(false);
  });

  it('holds an acknowledgement signed by the laptop its call names, and no other', () => {
    expect(acknowledgementHolds(ackBy(bob, 'crisisLead'), mobilisation, bob.publicKeyPem)).toBe(true);
    // Signed by another key than the laptop it names.
    expect(acknowledgementHolds(ackBy(bob, 'crisisLead', carol.signer), mobilisation, bob.publicKeyPem)).toBe(false);
    // A genuine member acknowledging a call that names another laptop, or nobody, or no such role.
    expect(acknowledgementHolds(ackBy(carol, 'crisisLead'), mobilisation, carol.publicKeyPem)).toBe(false);
    expect(acknowledgementHolds(ackBy(carol, 'legal'), mobilisation, carol.publicKeyPem)).toBe(false);
    expect(acknowledgementHolds(ackBy(bob, 'scribe'), mobilisation, bob.publicKeyPem)).toBe(false);
    // Moved to another mobilisation, or its time changed.
    expect(acknowledgementHolds(ackBy(bob, 'crisisLead'), { ...mobilisation, id: randomUUID() }, bob.publicKeyPem)).toBe(false);
    expect(acknowledgementHolds({ ...ackBy(bob, 'crisisLead'), acknowledgedAt: '2026-03-02T07:59:00.000Z' }, mobilisation, bob.publicKeyPem)).toBe(false);
    // Garbage for a signature is a refusal, not an exception.
    expect(acknowledgementHolds({ ...ackBy(bob, 'crisisLead'), signature: '!!not base64' }, mobilisation, bob.publicKeyPem)).toBe(false);
  });

  it('refuses a malformed acknowledgement at the schema', () => {
    expect(acknowledgementRecordSchema.safeParse({ ...ackBy(bob, 'crisisLead'), device: 'B' }).success).toBe(false);
    expect(acknowledgementRecordSchema.safeParse({ ...ackBy(bob, 'crisisLead'), signature: 'x'.repeat(5_000) }).success).toBe(false);
  });

  it('links a roster person to the one member who picked them, spaces and case aside', () => {
    const members = [
      { deviceId: bob.device, person: 'Bruno  Keller' },
      { deviceId: carol.device, person: null },
    ];
    expect(deviceOfPerson('bruno keller', members)).toBe(bob.device);
    expect(deviceOfPerson('Léa Morel', members)).toBeNull();
    // Two laptops claiming the same person answer for nobody.
    expect(deviceOfPerson('Bruno Keller', [...members, { deviceId: alice.device, person: 'BRUNO KELLER' }])).toBeNull();
  });
});
