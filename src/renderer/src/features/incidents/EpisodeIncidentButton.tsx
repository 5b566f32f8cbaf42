// "Open an incident" from a backtest episode: a crisis found in past mentions (last week's agency export) raised no
// live alert, yet the cell must be able to make it an incident with its watch and period.
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OpenIncidentModal, type EpisodeOrigin } from './OpenIncidentModal';
import { incidentHash } from './useIncidentRoute';

export function EpisodeIncidentButton({ episode, index }: { episode: EpisodeOrigin; index: number }) {
  const { t } = useTranslation();
  const [opening, setOpening] = useState(false);
  return (
    <>
      <Button size="compact-sm" variant="light" w="fit-content" onClick={() => setOpening(true)} data-testid={`backtest-episode-incident-${index}`}>
        {t('incidents.episode.open')}
      </Button>
      {opening && (
        <OpenIncidentModal opened episode={episode} onClose={() => setOpening(false)} onOpened={(id) => void (window.location.hash = incidentHash(id))} />
      )}
    </>
  );
}
