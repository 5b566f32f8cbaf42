// The interface address cell sync listens on: this computer's addresses offered, any other one typed (a second
// loopback address, an address the system does not list yet); the backend refuses a wildcard.
import { Autocomplete } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CellStatus } from '../../../../shared/contract/cell';

type Interfaces = CellStatus['interfaces'];

/** A LAN address when the computer has one, since that is what the other laptops reach; loopback otherwise. */
export const defaultAddress = (interfaces: Interfaces): string =>
  interfaces.find((i) => !i.internal && i.family === 'IPv4')?.address ?? interfaces.find((i) => i.family === 'IPv4')?.address ?? '127.0.0.1';

export function AddressInput({ value, onChange, interfaces, testId }: { value: string; onChange: (v: string) => void; interfaces: Interfaces; testId: string }) {
  const { t } = useTranslation();
  const data = [...new Set(interfaces.map((i) => i.address))].map((address) => {
    const named = interfaces.find((i) => i.address === address);
    return { value: address, label: named?.internal ? `${address} (${t('cell.address.loopback')})` : `${address} (${named?.name ?? ''})` };
  });
  return (
    <Autocomplete
      label={t('cell.address.label')}
      description={t('cell.address.help')}
      value={value}
      onChange={onChange}
      data={data.map((d) => d.value)}
      renderOption={({ option }) => data.find((d) => d.value === option.value)?.label ?? option.value}
      required
      maxLength={64}
      data-testid={testId}
    />
  );
}
