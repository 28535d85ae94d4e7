// The names the OpenAPI document gives the answers' schemas (components/schemas). The dashboard's types are
// generated from the document and read by these names (web/src/contract.ts), so a rename is a contract change.
import { z } from 'zod';
import { dryRunResponse } from './dry-run-schemas';
import {
  callSheetResponse,
  customerFileResponse,
  customerSearchResponse,
  handOpenedResponse,
  myDayResponse,
} from './desk-schemas';
import {
  experimentListResponse,
  experimentResponse,
  experimentReviewResponse,
  experimentWithResultsResponse,
  funnelResponse,
} from './experiment-schemas';
import {
  addedVersionResponse,
  draftResponse,
  playbookListResponse,
  playbookResponse,
  publishedResponse,
} from './playbook-schemas';
import {
  caseBoardResponse,
  caseDetailResponse,
  churnReasonListResponse,
  churnReasonReportResponse,
  erasureResponse,
  issuedKeyResponse,
  keyListResponse,
  keyResponse,
  meResponse,
  recordedChurnReasonResponse,
  reportResponse,
  teamsResponse,
  timelineResponse,
  workloadResponse,
} from './response-schemas';

const NAMES: [z.ZodType, string][] = [
  [meResponse, 'Me'],
  [caseBoardResponse, 'CaseBoard'],
  [caseDetailResponse, 'CaseDetail'],
  [timelineResponse, 'Timeline'],
  [teamsResponse, 'TeamList'],
  [workloadResponse, 'Workload'],
  [reportResponse, 'RetentionReport'],
  [keyResponse, 'Key'],
  [issuedKeyResponse, 'IssuedKey'],
  [keyListResponse, 'KeyList'],
  [erasureResponse, 'Erasure'],
  [churnReasonListResponse, 'ChurnReasonList'],
  [recordedChurnReasonResponse, 'RecordedChurnReason'],
  [churnReasonReportResponse, 'ChurnReasonReport'],
  [myDayResponse, 'MyDay'],
  [customerSearchResponse, 'CustomerSearch'],
  [customerFileResponse, 'CustomerFile'],
  [handOpenedResponse, 'HandOpenedCase'],
  [callSheetResponse, 'CallSheet'],
  [experimentResponse, 'Experiment'],
  [experimentWithResultsResponse, 'ExperimentWithResults'],
  [experimentListResponse, 'ExperimentList'],
  [funnelResponse, 'Funnel'],
  [experimentReviewResponse, 'ExperimentReview'],
  [playbookListResponse, 'PlaybookList'],
  [playbookResponse, 'Playbook'],
  [addedVersionResponse, 'PlaybookVersion'],
  [draftResponse, 'PlaybookDraft'],
  [publishedResponse, 'PublishedVersion'],
  [dryRunResponse, 'DryRun'],
];

export const ANSWER_NAMES = z.registry<{ id: string }>();
for (const [schema, id] of NAMES) ANSWER_NAMES.add(schema, { id });
