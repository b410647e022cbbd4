// The benchmark's arithmetic, pinned; runs in the vitest project `node`.
import { describe, expect, it } from 'vitest'
import { median, percentile, sampleOf, summarize } from './stats.ts'

const twenty = Array.from({ length: 20 }, (_, index) => 20 - index)

describe('given the benchmark statistics', () => {
  it('median: the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })

  it('p95 is nearest-rank: the 19th of 20 runs, the largest of fewer than 20', () => {
    expect(percentile(twenty, 95)).toBe(19)
    expect(percentile([5, 1, 3], 95)).toBe(5)
    expect(percentile([7], 95)).toBe(7)
  })

  it('ready is the latest of opened, hub ready and token received, and may follow a prefetch from before the click', () => {
    const base = { clickAt: 1000, handlerAt: 1004, visibleAt: 1030, hubRequestAt: 1005, tokenRequestAt: 1006, tokenResponseAt: 1300 }
    expect(sampleOf({ ...base, opened: 1010, hubReady: 1400, tokenReceived: 1310 }).readyMs).toBe(400)
    expect(sampleOf({ ...base, opened: 1010, hubReady: 1200, tokenReceived: 1310 }).readyMs).toBe(310)
    const prefetched = sampleOf({ ...base, opened: 1009, hubReady: 900, tokenReceived: 850 })
    expect(prefetched.readyMs).toBe(9)
    expect(prefetched.at.hubReady).toBe(-100)
    expect(prefetched.visibleMs).toBe(30)
  })

  it('the ratio is to the serial ready median', () => {
    const samples = [100, 200, 300].map((readyMs) => ({ readyMs, visibleMs: 10, at: sampleOf({} as never).at }))
    expect(summarize(samples, 400).readyRatioToSerial).toBe(0.5)
  })
})
