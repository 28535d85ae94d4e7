// Changes to workflow code that running cases would replay differently, one patched() id each.
//
// From 1.0.0 on, every history-altering change to workflow code is a patched() id here with a CHANGELOG line,
// and the replay test runs recorded histories from before and after it (tests/histories: the recording from
// before keeps its name with a `pre-<id>--` prefix). An id is retired (deprecatePatch(), then removed) only once
// no open case started before it; its CHANGELOG line says so.
//
// Empty at 1.0.0: the pre-release patches were retired with it, as no bank ran Holdfast before.

// Added 2026-12-08 (1.1, issue 36): contact_sent and survey_sent say which template and locale the message used (and an SMS's encoding
// and parts), so the timeline shows what the customer read.
export const MESSAGE_ON_TIMELINE = 'message-on-timeline-1.1';

// Added 2026-12-08 (1.1, issue 35). A run no longer ends in the workflow task that answered the step closing it
// (a supervisor's close, a refusal, a declined offer): it ends one task later, after a 1 ms timer. Temporal
// refuses to end a run in a task during which anything else arrived (a cancelled send finishing, a delivery
// report) and drops the step answered in the refused task, which its caller got as a 500. Retire when no case
// opened before this patch is open.
export const ANSWER_BEFORE_END_PATCH = 'answer-before-end';
