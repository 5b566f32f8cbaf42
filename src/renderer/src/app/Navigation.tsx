// Side navigation between the app's areas.
import { NavLink, Stack } from '@mantine/core';
import {
  IconChartAreaLine,
  IconClipboardList,
  IconFileImport,
  IconFileReport,
  IconListSearch,
  IconRss,
  IconMessage2,
  IconSettings,
  IconAlertTriangle,
  IconBellRinging,
  IconTargetArrow,
  IconAffiliate,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { AREAS, type AreaId } from './areas';

const ICONS: Record<AreaId, ComponentType<{ size?: number }>> = {
  dashboard: IconChartAreaLine,
  alerts: IconBellRinging,
  imports: IconFileImport,
  mentions: IconListSearch,
  sources: IconRss,
  incidents: IconAlertTriangle,
  composer: IconMessage2,
  plan: IconClipboardList,
  exercise: IconTargetArrow,
  reports: IconFileReport,
  cell: IconAffiliate,
  settings: IconSettings,
};

export function Navigation({ active, onSelect }: { active: AreaId; onSelect: (area: AreaId) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} component="nav" aria-label="Tocsin">
      {AREAS.map((area) => {
        const Icon = ICONS[area];
        return (
          <NavLink
            key={area}
            href={`#/${area}`}
            label={t(`nav.${area}`)}
            leftSection={<Icon size={20} />}
            active={area === active}
            onClick={(e) => {
              e.preventDefault();
              onSelect(area);
            }}
            data-testid={`nav-${area}`}
          />
        );
      })}
    </Stack>
  );
}
