// The case workflows bundled for the worker's sandbox (webpack, through the Temporal SDK). Webpack's report of
// what it built is for whoever debugs the bundle (LOG_LEVEL=debug), not for a person starting the stack: at
// the SDK's default level its lines scroll `npm start`'s banner off the screen. Its warnings and errors stay.
import { bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import type { Logger as SdkLogger, LogLevel, LogMetadata } from '@temporalio/common';
import type { Logger } from '../config/logger';

function bundlerLogger(logger: Logger): SdkLogger {
  const log = (level: LogLevel, message: string, meta?: LogMetadata) => {
    const fields = { ...meta, component: 'workflow-bundler' };
    if (level === 'ERROR') logger.error(message, fields);
    else if (level === 'WARN') logger.warn(message, fields);
    else logger.debug(message, fields);
  };
  return {
    log,
    trace: (m, meta) => log('TRACE', m, meta),
    debug: (m, meta) => log('DEBUG', m, meta),
    info: (m, meta) => log('INFO', m, meta),
    warn: (m, meta) => log('WARN', m, meta),
    error: (m, meta) => log('ERROR', m, meta),
  };
}

export function bundleCaseWorkflows(logger: Logger): Promise<WorkflowBundle> {
  return bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), logger: bundlerLogger(logger) });
}
