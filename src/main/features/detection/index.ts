// What other parts of the core may use of the detection feature; everything else in this folder is its own.
export { createDetection } from './createDetection';
export type { DetectionService } from './detectionService';
export { generateScenario } from './scenarios/scenarioGenerator';
export type { ScenarioSpec } from './scenarios/scenarioGenerator';
export { VocabularyMatcher } from './engine/vocabularyMatcher';
export { shownAsWritten } from './engine/writtenForms';
