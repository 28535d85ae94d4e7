// 简体中文目录：按需加载（只有选择中文时才下载）。键必须与 en.ts 完全一致。
import type { Catalogue } from './en';

const zhCN: Catalogue = {
  app: { name: 'Holdfast' },
  nav: {
    myDay: '我的待办',
    agentsDays: '客户经理待办',
    board: '案件看板',
    workload: '工作量',
    reports: '报表',
    playbooks: '挽留方案',
    experiments: '实验',
    logOut: '退出登录',
    language: '语言',
  },
  login: {
    intro: '客户挽留案件。请使用您的 API 密钥登录；密钥只保存在当前浏览器标签页中。',
    apiKey: 'API 密钥',
    logIn: '登录',
    systemKey: '这是系统密钥（供系统集成使用）；请使用客户经理、主管或管理员的密钥登录。',
  },
  error: { request: '（请求编号 {{id}}）' },
  errors: {
    case_not_found: '案件 {{caseId}} 不存在。',
    customer_not_found: '客户 {{customerId}} 不存在。',
    case_already_open: '客户 {{customerId}} 已有一个未结案件。',
    agent_inactive: '客户经理 {{agentId}} 未启用，请先启用。',
    no_consented_channel: '客户 {{customerId}} 在所有渠道上都无法联系（未授权或已退订）。',
    step_pending: '案件在 {{deadlineSeconds}} 秒内未响应，此操作可能仍会执行；请先刷新案件再重试。',
  },
  role: { agent: '客户经理', supervisor: '主管', admin: '管理员', system: '系统' },
};

export default zhCN;
