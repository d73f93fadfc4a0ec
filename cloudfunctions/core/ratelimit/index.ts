export { RateLimiter, rateLimiterFromEnv } from './rate-limit.service';
export {
  COUNTER_ACTIONS,
  DEFAULT_RATE_LIMIT,
  rateLimitFromEnv,
  rateLimitSettingFromEnv,
  type RateDecision,
  type RateLimitConfig,
} from './domain/rate-limit.policy';
