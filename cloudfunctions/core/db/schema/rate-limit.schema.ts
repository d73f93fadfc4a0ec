/** Rate-limit counters, one row per bucket, shared by replicas and cloud instances (0018_rate_limits.sql). */
export interface RateLimitTables {
  rate_limit_counters: {
    bucket: string;
    window_start: Date;
    count: number;
  };
}
