// Severity levels of alerts, lowest first. What decides an alert's level is in
// severity-rules.ts (rules/severity.yaml).

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Severities at or above `min`, for "at least" filters. */
export function atLeast(min: Severity): Severity[] {
  return SEVERITIES.slice(SEVERITIES.indexOf(min));
}
