export { RateLimiter, rateLimiterFromEnv } from './rate-limit.service';
export {
  COUNTER_ACTIONS,
  DEFAULT_RATE_LIMIT,
  rateLimitFromEnv,
  rateLimitSettingFromEnv,
  type LimitKind,
  type RateDecision,
  type RateLimitConfig,
  type RatePolicy,
} from './domain/rate-limit.policy';
