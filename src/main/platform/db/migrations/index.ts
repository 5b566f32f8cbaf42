// Every schema step in order. Append only: a released migration is never edited or removed.
import type { Migration } from './types';
import { migration0001 } from './0001_workspace_settings';
import { migration0002 } from './0002_listen_store';
import { migration0003 } from './0003_crisis_log';
import { migration0004 } from './0004_crisis_plan';
import { migration0005 } from './0005_composer';
import { migration0006 } from './0006_incidents';
import { migration0007 } from './0007_detection';
import { migration0008 } from './0008_hourly_rollups';
import { migration0009 } from './0009_response_queue';
import { migration0010 } from './0010_lessons_learned';
import { migration0011 } from './0011_mention_audience_index';
import { migration0012 } from './0012_level_history';
import { migration0013 } from './0013_source_error_message';
import { migration0014 } from './0014_outbox_error_message';
import { migration0015 } from './0015_exercise_run_state';
import { migration0016 } from './0016_custom_scenarios';
import { migration0017 } from './0017_crisis_log_keyed_chain';
import { migration0018 } from './0018_incident_scope';
import { migration0019 } from './0019_agency_fields';
import { migration0020 } from './0020_sync_chunks';
import { migration0021 } from './0021_alert_opening_explanation';
import { migration0022 } from './0022_page_keys';
import { migration0023 } from './0023_retention_horizon';
import { migration0024 } from './0024_crisis_log_origin';
import { migration0025 } from './0025_regulatory_clocks';
import { migration0026 } from './0026_notify_delivery';
import { migration0027 } from './0027_incident_retex';
import { migration0028 } from './0028_alert_ids_never_reused';
import { migration0029 } from './0029_rollup_parts_by_source';
import { migration0030 } from './0030_notify_laptop_acknowledgements';
import { migration0031 } from './0031_exercise_destinations';
import { migration0032 } from './0032_press_compensation';
import { migration0033 } from './0033_plan_empty_origin';

export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016, migration0017, migration0018, migration0019, migration0020, migration0021, migration0022, migration0023, migration0024, migration0025, migration0026, migration0027, migration0028, migration0029, migration0030, migration0031, migration0032, migration0033];

export const LATEST_VERSION = MIGRATIONS.length;
