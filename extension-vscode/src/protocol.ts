// The Sigil language server's LSP extensions, mirrored from server/Sigil.Protocol (docs/lsp-extensions.md).
// Only what the extension uses. Field names are the records' System.Text.Json names.

/** Method names (Sigil.Protocol.SigilMethods). */
export const Methods = {
  candidatesList: 'sigil/candidates/list',
  candidateDiff: 'sigil/candidate/diff',
  scoresHistory: 'sigil/scores/history',
  runStart: 'sigil/run/start',
  runCancel: 'sigil/run/cancel',
  runFinished: 'sigil/run/finished',
  compareRun: 'sigil/compare/run',
  manifestPromote: 'sigil/manifest/promote',
  manifestVerify: 'sigil/manifest/verify',
  manifestPublish: 'sigil/manifest/publish',
  trackerStart: 'sigil/tracker/start',
  trackerStop: 'sigil/tracker/stop',
  trackerStatus: 'sigil/tracker/status',
} as const;

/** The commands the server's lenses carry (Sigil.Protocol.Commands.SigilCommands). */
export const ServerCommands = {
  improve: 'sigil.improve',
  showCandidates: 'sigil.candidates.show',
  toggleTracker: 'sigil.tracker.toggle',
} as const;

/** Error codes (Sigil.Protocol.Errors.SigilErrorCodes). */
export const ErrorCodes = {
  InvalidParams: -32602,
  RequestCancelled: -32800,
  NoProject: 1001,
  ProjectInvalid: 1002,
  NotFound: 1003,
  RunFailed: 1004,
  SandboxUnavailable: 1005,
  WorkspaceError: 1006,
  TrustRefused: 1007,
  PublishRefused: 1008,
  KeyError: 1009,
  SampleLogError: 1010,
  IoError: 1011,
  RunBusy: 1012,
  UnknownRun: 1013,
  OptimizerSettingsInvalid: 1014,
  RunCancelled: 1015,
} as const;

/** `data` of every Sigil error. */
export interface SigilErrorData {
  kind: string;
  trustCode?: string | null;
  method?: string | null;
}

/** The argument of the pin lenses' commands. */
export interface PinCommandArguments {
  /** The pin's qualified name as in its FunctionID (`Kernels.Root(double)`). */
  pin: string;
  /** The spec named on [Improve] (empty when not a string literal). */
  spec: string;
  /** The workspace named on [Improve] (`default` when none). */
  workspace: string;
  /** The document holding the pin. */
  uri?: string | null;
}

// sigil/candidates/list

export interface CandidatesListParams {
  spec: string;
  workspace?: string;
  pin?: string;
  top?: number;
}

export interface CandidateSummary {
  workspace: string;
  pin: string;
  functionId: string;
  /** `diff://b3:<64 hex>` */
  candidate: string;
  summary: string;
  evalFunction: string;
  correct: boolean;
  errorClass?: string | null;
  /** 0 when not measured. */
  speedup: number;
  metrics: Record<string, number>;
  holdoutAccepted?: boolean | null;
  createdAt: string;
  servedCalls: number;
}

export interface CandidatesListResult {
  spec: string;
  candidates: CandidateSummary[];
}

// sigil/candidate/diff

export interface CandidateDiffParams {
  candidate: string;
}

export interface CandidateMembershipInfo {
  spec: string;
  workspace: string;
  summary: string;
  optimizer?: string | null;
  generator?: string | null;
  model?: string | null;
  createdAt: string;
}

export interface EvaluationInfo {
  id: string;
  evaluator: string;
  version: string;
  sampleSet: string;
  correct: boolean;
  errorClass?: string | null;
  metrics: Record<string, number>;
  createdAt: string;
}

export interface CandidateDiffResult {
  candidate: string;
  functionId: string;
  pin: string;
  parent?: string | null;
  diff: string;
  file?: string | null;
  baselineSource?: string | null;
  candidateSource?: string | null;
  baselineFileText?: string | null;
  candidateFileText?: string | null;
  sourceWarning?: string | null;
  memberships: CandidateMembershipInfo[];
  evaluations: EvaluationInfo[];
}

// sigil/scores/history

export interface ScoresHistoryParams {
  spec: string;
  workspace?: string;
  pin?: string;
}

export interface ScoreBaseline {
  /** 1 by definition. */
  speedup: number;
  score?: number | null;
}

export interface ScorePoint {
  index: number;
  /** `evaluated`, `duplicate`, `rejected`, `out-of-budget`, … */
  status: string;
  candidate?: string | null;
  fitness?: number | null;
  feasible?: boolean | null;
  speedup?: number | null;
  score?: number | null;
  bestFitness?: number | null;
  generator?: string | null;
  operator?: string | null;
  createdAt: string;
}

export interface ScoreSeries {
  runId: string;
  workspace: string;
  pin: string;
  functionId: string;
  optimizer: string;
  iterations: number;
  createdAt: string;
  baseline: ScoreBaseline;
  points: ScorePoint[];
}

export interface ScoresHistoryResult {
  spec: string;
  series: ScoreSeries[];
}

// sigil/run/start, sigil/run/cancel, sigil/run/finished

export type ProgressToken = string | number;

export interface RunStartParams {
  spec: string;
  workspace: string;
  optimizer?: string;
  iterations?: number;
  pin?: string;
  seed?: number;
  objective?: 'speed' | 'score';
  rounds?: number;
  acceptRounds?: number;
  maxSamples?: number;
  holdout?: number;
  parameters?: Record<string, string>;
  systemPrompt?: string;
  baseUrl?: string;
  model?: string;
  rulesOnly?: boolean;
  budgetTokens?: number;
  budgetUsd?: number;
  resume?: boolean;
  allow?: string[];
  timeLimitSeconds?: number;
  isolation?: 'auto' | 'required' | 'off';
  workDoneToken?: ProgressToken;
  wait?: boolean;
}

export interface PinRunSummary {
  pin: string;
  functionId: string;
  runId: string;
  trials: number;
  resumed: number;
  evaluated: number;
  baselineFitness?: number | null;
  bestCandidate?: string | null;
  bestFitness?: number | null;
  bestMetrics: Record<string, number>;
  accepted: boolean;
  verdict: string;
  visibleSamples: number;
  holdoutSamples: number;
  stopReason: string;
}

export interface RunSummary {
  spec: string;
  workspace: string;
  optimizer: string;
  pins: PinRunSummary[];
  spentUsd: number;
  spentTokens: number;
  isolation: string;
  materializedFolder?: string | null;
}

export type RunStatus = 'running' | 'completed' | 'cancelled' | 'failed';

export interface RunStartResult {
  token: string;
  status: RunStatus;
  result?: RunSummary | null;
}

export interface RunCancelParams {
  token: string;
}

export interface RunCancelResult {
  token: string;
  cancelled: boolean;
  status: RunStatus;
}

export interface RunError {
  code: number;
  message: string;
  data?: SigilErrorData | null;
}

export interface RunFinishedParams {
  token: string;
  spec: string;
  workspace: string;
  status: RunStatus;
  result?: RunSummary | null;
  error?: RunError | null;
}

/** The run's own event inside a `$/progress` report (`value.sigil`). */
export interface RunProgressDetail {
  token: string;
  phase: 'opening' | 'samples' | 'baseline' | 'searching' | 'holdout' | 'done' | string;
  pin?: string | null;
  pinIndex: number;
  pinCount: number;
  trial: number;
  trials: number;
  bestFitness?: number | null;
  spentUsd: number;
  spentTokens: number;
}

// sigil/manifest/promote, sigil/manifest/publish

export interface PromoteParams {
  spec: string;
  workspace: string;
  key: string;
  candidates?: string[];
  author?: string;
  objective?: 'speed' | 'score';
  constraints?: string[];
  nonInferiority?: string;
  expiresInDays?: number;
  out?: string;
  force?: boolean;
  noArtifacts?: boolean;
}

export interface PromotedPinInfo {
  pin: string;
  functionId: string;
  candidate: string;
  evaluator: string;
  evidence: string;
  metrics: Record<string, number>;
  artifactDigest?: string | null;
}

export interface PromoteResultInfo {
  manifestId: string;
  manifestPath: string;
  recordPath: string;
  spec: string;
  workspace: string;
  sequence: number;
  expiresAt: string;
  keyId: string;
  pins: PromotedPinInfo[];
  warnings: string[];
}

export interface PublishParams {
  manifest?: string;
  branch?: string;
  patch?: string;
  assembly?: string;
  workDoneToken?: ProgressToken;
}

export interface PublishResultInfo {
  manifestId: string;
  branch: string;
  commit: string;
  patch: string;
  changedFiles: string[];
  originalBranch: string;
  warnings: string[];
}

// sigil/tracker/*

/** `sigil/tracker/start|stop|status` take no params (an empty object). */
export type TrackerParams = Record<string, never>;

export interface TrackerStatusResult {
  enabled: boolean;
  changedAt?: string | null;
  changedBy?: string | null;
  segments: number;
  records: number;
  lastRecordAt?: string | null;
}
