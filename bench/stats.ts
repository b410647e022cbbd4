/** Summary statistics of the benchmark's samples, in milliseconds. */

/** The middle value; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Nearest-rank percentile: the smallest sample with at least `p` % of the samples at or below it (p95 of 20 runs is the 19th). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1] as number
}

/** Epoch ms of what happened in one run; any of it but the click may be missing (`NaN`). */
export interface Milestones {
  clickAt: number
  /** The page's first click listener ran. */
  handlerAt: number
  visibleAt: number
  opened: number
  hubReady: number
  tokenReceived: number
  /** Resource timing: start of the hub document's request (the iframe's navigation), start and end of the token request. */
  hubRequestAt: number
  tokenRequestAt: number
  tokenResponseAt: number
}

export const MILESTONES = ['handler', 'tokenRequest', 'hubRequest', 'opened', 'tokenResponse', 'tokenReceived', 'hubReady'] as const
export type Milestone = (typeof MILESTONES)[number]

/** One run, in ms from the click (negative: before it, as with a prefetch). */
export interface Sample {
  /** The dialog is on screen. */
  visibleMs: number
  /** The hub is usable: see `sampleOf`. */
  readyMs: number
  at: Record<Milestone, number>
}

/**
 * The hub is usable once it is on screen (`hub_opened`), said `ready` (`hub_ready`) and has its token (`token_received`;
 * `init` is posted in the same task as the later of the last two). Any of these may precede the click (prefetch).
 */
export function sampleOf(m: Milestones): Sample {
  const from = (at: number) => at - m.clickAt
  return {
    visibleMs: from(m.visibleAt),
    readyMs: from(Math.max(m.opened, m.hubReady, m.tokenReceived)),
    at: {
      handler: from(m.handlerAt),
      tokenRequest: from(m.tokenRequestAt),
      hubRequest: from(m.hubRequestAt),
      opened: from(m.opened),
      tokenResponse: from(m.tokenResponseAt),
      tokenReceived: from(m.tokenReceived),
      hubReady: from(m.hubReady),
    },
  }
}

export interface StrategySummary {
  runs: number
  visibleMedianMs: number
  visibleP95Ms: number
  readyMedianMs: number
  readyP95Ms: number
  /** This strategy's ready median over serial's. */
  readyRatioToSerial: number
  /** Median ms from the click to each milestone, to see which one is late. */
  milestoneMediansMs: Record<Milestone, number>
}

const round = (value: number) => Math.round(value * 10) / 10

export function summarize(samples: readonly Sample[], serialReadyMedian: number): StrategySummary {
  const ready = samples.map((sample) => sample.readyMs)
  const visible = samples.map((sample) => sample.visibleMs)
  return {
    runs: samples.length,
    visibleMedianMs: round(median(visible)),
    visibleP95Ms: round(percentile(visible, 95)),
    readyMedianMs: round(median(ready)),
    readyP95Ms: round(percentile(ready, 95)),
    readyRatioToSerial: Math.round((median(ready) / serialReadyMedian) * 100) / 100,
    milestoneMediansMs: Object.fromEntries(
      MILESTONES.map((milestone) => [milestone, round(median(samples.map((sample) => sample.at[milestone])))]),
    ) as Record<Milestone, number>,
  }
}

/** A plain-text table: the first row is the header, numbers right-aligned. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)))
  return rows
    .map((row) =>
      row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  '),
    )
    .join('\n')
}
