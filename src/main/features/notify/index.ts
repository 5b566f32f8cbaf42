// What other parts of the core may use of the notify feature; everything else in this folder is its own.
export { createNotify, type NotifyFeature, type NotifyOptions } from './createNotify';
export type { DeliveryService } from './deliveryService';
