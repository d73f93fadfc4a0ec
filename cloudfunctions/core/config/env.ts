/** The process environment as configuration reads it: names to values, any of them unset. */
export type Env = Record<string, string | undefined>;
