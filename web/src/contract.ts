// The API's answers under the names the dashboard uses, read from the types generated from the OpenAPI document
// (api-schema.d.ts, `npm run api:types`): no answer's shape is written by hand in the dashboard.
import type { components, paths } from './api-schema';

type Answer = components['schemas'];
export type Me = Answer['Me'];
export type CaseBoard = Answer['CaseBoard'];
export type CaseSummary = CaseBoard['items'][number];
export type CaseDetail = Answer['CaseDetail'];
export type TimelineEvent = Answer['Timeline']['events'][number];
export type Team = Answer['TeamList']['items'][number];
export type Workload = Answer['Workload'];
export type ReportRow = Answer['RetentionReport']['rows'][number];
export type ChurnReasonReport = Answer['ChurnReasonReport'];
export type MyDay = Answer['MyDay'];
export type DeskTask = MyDay['waiting'][number]['task'];
export type CustomerFile = Answer['CustomerFile'];
export type CallSheet = Answer['CallSheet'];
export type Experiment = Answer['Experiment'];
export type ExperimentWithResults = Answer['ExperimentWithResults'];
export type ExperimentArmResult = ExperimentWithResults['results']['arms'][number];
export type PlaybookDraft = Answer['PlaybookDraft'];
export type DryRunAnswer = Answer['DryRun'];
type Playbook = Answer['Playbook'];
export type PlaybookVersion = Playbook['versions'][number];

// The steps a person takes on a case, each POST /v1/cases/{caseId}/<step>.
export type CaseStep = {
  [P in keyof paths]: P extends `/v1/cases/{caseId}/${infer S}`
    ? paths[P]['post'] extends undefined
      ? never
      : S
    : never;
}[keyof paths];
