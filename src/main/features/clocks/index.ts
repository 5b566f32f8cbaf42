// What other parts of the core may use of the clocks feature; everything else in this folder is its own.
export { ClockService, type Reminder } from './clockService';
export { createClocks } from './createClocks';
