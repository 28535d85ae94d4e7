// The English catalogue: the source language, bundled. Every key here must exist in zh-CN.ts (tests/unit/i18n-catalogues.test.ts).
export const en = {
  app: { name: 'Holdfast' },
  nav: {
    myDay: 'My day',
    agentsDays: 'Agents’ days',
    board: 'Case board',
    workload: 'Workload',
    reports: 'Reports',
    playbooks: 'Playbooks',
    experiments: 'Experiments',
    logOut: 'Log out',
    language: 'Language',
  },
  login: {
    intro: 'Retention cases. Log in with your API key; it is kept only in this browser tab.',
    apiKey: 'API key',
    logIn: 'Log in',
    systemKey: 'This is a system key (for integrations); log in with an agent, supervisor or admin key.',
  },
  error: { request: '(request {{id}})' },
  // API refusals by code; the params are the ones domain/errors/*.ts gives each code.
  errors: {
    case_not_found: 'There is no case {{caseId}}.',
    customer_not_found: 'There is no customer {{customerId}}.',
    case_already_open: 'Customer {{customerId}} already has an open case.',
    agent_inactive: 'Agent {{agentId}} is not active; activate the agent first.',
    no_consented_channel: 'Customer {{customerId}} cannot be contacted on any channel.',
    step_pending:
      'The case did not answer within {{deadlineSeconds}} s and may still take this step; read the case before trying again.',
  },
  role: { agent: 'agent', supervisor: 'supervisor', admin: 'admin', system: 'system' },
};

export type Catalogue = typeof en;
