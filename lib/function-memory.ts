/**
 * Memory sizes the benches price Lambda GB-seconds from, kept beside no CDK import so that bench/
 * reads the same numbers the stack deploys (test/infra/record-workflow.test.ts holds them together).
 */

/** Every record-workflow step but the analysis. */
export const RECORD_STEP_MEMORY_MB = 512;

/**
 * The analysis step spends most of its time waiting on Bedrock (~0.7 s a call), which is billed by
 * memory, not CPU. Its peak resident set — the SDK clients it holds plus jieba's dictionary, after
 * 2,100 local analyses in a plain Node 20 process — is about 160 MB (`npm run bench:analyze`
 * measures it): 384 MB leaves more than twice that, and costs a quarter less per second than 512 MB.
 * Its CPU-bound work (the local rules, ~0.4 ms a record warm; jieba's start ~35–45 ms at a full
 * vCPU) runs at 0.22 of a vCPU instead of 0.29.
 */
export const ANALYSIS_STEP_MEMORY_MB = 384;
