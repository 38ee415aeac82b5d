// The names of the scenario's parameters and computer weights: plain constants, apart from the schema (zod)
// that checks them, so the code that plays games (the compiler, a batch worker) loads without building it.
export const PARAMETER_NAMES = [
  'balanceRate',
  'stressAmplifier',
  'interestPull',
  'pactPull',
  'armsReactivity',
  'armsCost',
  'armsBase',
  'readinessMax',
  'tensionCooling',
  'hostilityHeat',
  'grievanceFading',
  'incidentBase',
  'incidentGrowth',
  'incidentPinPrick',
  'incidentTension',
  'incidentAlignment',
  'clashChance',
  'autonomyCap',
  'interdependenceFloor',
  'quasiAllianceThreshold',
  'rigidityThreshold',
  'rigidTurns',
  'impasseTension',
  'impasseMovement',
  'impasseTurns',
  'impasseSurcharge',
  'standingFading',
  'autonomyMargin',
] as const
export type ParameterName = (typeof PARAMETER_NAMES)[number]

export const COMPUTER_WEIGHT_NAMES = ['incidentCost', 'reciprocity', 'retaliationCost', 'allyAlignment'] as const
export type ComputerWeightName = (typeof COMPUTER_WEIGHT_NAMES)[number]
