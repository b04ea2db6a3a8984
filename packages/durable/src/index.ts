export { startLocalWorkflowRuntime, WORKFLOW_IDS } from './local-workflow-runtime';
export { findSecretInDirectory } from './scan-directory';
