// The application frame: header, navigation, the current area, and the live push-event wiring.
import { AppShell, Box, Text } from '@mantine/core';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../api/hooks/useWorkspace';
import { useBackendEvents } from '../api/useBackendEvents';
import { ComposerScreen } from '../features/composer/ComposerScreen';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { AlertsScreen } from '../features/detection/AlertsScreen';
import { LevelBanner } from '../features/detection/LevelBanner';
import { useDesktopAlerts } from '../features/desktopAlerts/useDesktopAlerts';
import { IncidentsScreen } from '../features/incidents/IncidentsScreen';
import { ImportsScreen } from '../features/imports/ImportsScreen';
import { MentionsScreen } from '../features/mentions/MentionsScreen';
import { SourcesScreen } from '../features/sources/SourcesScreen';
import { ExerciseScreen } from '../features/exercises/ExerciseScreen';
import { PlanScreen } from '../features/plan/PlanScreen';
import { FirstPlanChoice } from '../features/plan/FirstPlanChoice';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { CellScreen } from '../features/cell/CellScreen';
import { CellOfflineBanner } from '../features/cell/CellOfflineBanner';
import { MobilisedBanner } from '../features/notify/MobilisedBanner';
import type { AreaId } from './areas';
import { AppHeader } from './AppHeader';
import { Navigation } from './Navigation';
import { useHashRoute } from './useHashRoute';
import { useWorkspaceId } from './WorkspaceContext';

const SCREENS: Record<AreaId, ComponentType> = {
  dashboard: DashboardScreen,
  alerts: AlertsScreen,
  mentions: MentionsScreen,
  sources: SourcesScreen,
  imports: ImportsScreen,
  incidents: IncidentsScreen,
  composer: ComposerScreen,
  plan: PlanScreen,
  exercise: ExerciseScreen,
  reports: ReportsScreen,
  cell: CellScreen,
  settings: SettingsScreen,
};

export function App() {
  useBackendEvents();
  useDesktopAlerts();
  const { t } = useTranslation();
  const [area, setArea] = useHashRoute();
  const workspace = useWorkspace(useWorkspaceId());
  const exercise = workspace.data?.kind === 'exercise';
  const Screen = SCREENS[area];
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 230, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <AppHeader workspace={workspace.data} />
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <Navigation active={area} onSelect={setArea} />
      </AppShell.Navbar>
      <AppShell.Main>
        {exercise && (
          <Box bg="#a8390b" c="white" p="xs" mb="md" data-testid="exercise-banner">
            <Text fw={700} ta="center">
              {t('app.exerciseBanner')}
            </Text>
          </Box>
        )}
        <FirstPlanChoice />
        <CellOfflineBanner onOpen={() => setArea('cell')} />
        <MobilisedBanner />
        <LevelBanner />
        <Screen />
      </AppShell.Main>
    </AppShell>
  );
}
