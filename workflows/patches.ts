// Changes to workflow code that running cases would replay differently, one patched() id each.
//
// From 1.0.0 on, every history-altering change to workflow code is a patched() id here with a CHANGELOG line,
// and the replay test runs recorded histories from before and after it (tests/histories: the recording from
// before keeps its name with a `pre-<id>--` prefix). An id is retired (deprecatePatch(), then removed) only once
// no open case started before it; its CHANGELOG line says so.
//
// Empty at 1.0.0: the pre-release patches were retired with it, as no bank ran Holdfast before.
// 1.1.0: contact_sent and survey_sent say which template and locale the message used (and an SMS's encoding
// and parts), so the timeline shows what the customer read.
export const MESSAGE_ON_TIMELINE = 'message-on-timeline-1.1';
