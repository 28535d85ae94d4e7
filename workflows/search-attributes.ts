// Search attributes operators filter cases by in the Temporal UI. Never names, phones or emails.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const CASE_STAGE = defineSearchAttributeKey('CaseStage', SearchAttributeType.KEYWORD);
export const CUSTOMER_TIER = defineSearchAttributeKey('CustomerTier', SearchAttributeType.KEYWORD);
export const CHURN_DRIVER = defineSearchAttributeKey('ChurnDriver', SearchAttributeType.KEYWORD);
export const CASE_TEAM = defineSearchAttributeKey('CaseTeam', SearchAttributeType.KEYWORD);

export const CASE_SEARCH_ATTRIBUTES = [CASE_STAGE, CUSTOMER_TIER, CHURN_DRIVER, CASE_TEAM];
