// The one place this package waits (rate-limit windows, retry backoff): n8n-workflow's sleep, which
// ends early when the execution is cancelled. A host-compat shim for older n8n lines replaces it here.
export { sleep } from 'n8n-workflow';
