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

/**
 * The periodic run's agent step (A11–A14) waits on Bedrock ~2.5 s a call, billed by memory. Its peak
 * resident set — the step's bundle answering 248 A11–A14 calls on the cost run's own inputs, one after
 * the other, against a loopback Bedrock stand-in — is ~91 MB with a 256 MB Lambda's heap limits and
 * ~111 MB without them; ~15 MB of live heap stays after a full collection (`npm run bench:cost`
 * measures it). 256 MB leaves more than twice the peak, at half the price per second of 512 MB. Its
 * CPU work (~6 ms a warm call at a full vCPU: the prompt, the answer's checks and the guard) takes
 * ~45 ms at 256 MB's 0.14 of a vCPU, against the model's seconds.
 */
export const AGENT_STEP_MEMORY_MB = 256;

/** The report step (A15 narrative, the report's assembly and its HTML) keeps 1 GB. */
export const REPORT_STEP_MEMORY_MB = 1024;

/** Every other periodic-run step. */
export const PERIODIC_STEP_MEMORY_MB = 512;
