// The benchmark's arithmetic, pinned: npx tsx --test bench/stats.test.ts
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { median, percentile, sampleOf, summarize } from './stats.ts'

const twenty = Array.from({ length: 20 }, (_, index) => 20 - index)

test('median: the middle value, or the mean of the two middle values', () => {
  assert.equal(median([3, 1, 2]), 2)
  assert.equal(median([4, 1, 3, 2]), 2.5)
  assert.ok(Number.isNaN(median([])))
})

test('p95 is nearest-rank: the 19th of 20 runs, the largest of fewer than 20', () => {
  assert.equal(percentile(twenty, 95), 19)
  assert.equal(percentile([5, 1, 3], 95), 5)
  assert.equal(percentile([7], 95), 7)
})

test('ready is the latest of opened, hub ready and token received, and may follow a prefetch from before the click', () => {
  const base = { clickAt: 1000, handlerAt: 1004, visibleAt: 1030, hubRequestAt: 1005, tokenRequestAt: 1006, tokenResponseAt: 1300 }
  assert.equal(sampleOf({ ...base, opened: 1010, hubReady: 1400, tokenReceived: 1310 }).readyMs, 400)
  assert.equal(sampleOf({ ...base, opened: 1010, hubReady: 1200, tokenReceived: 1310 }).readyMs, 310)
  const prefetched = sampleOf({ ...base, opened: 1009, hubReady: 900, tokenReceived: 850 })
  assert.equal(prefetched.readyMs, 9)
  assert.equal(prefetched.at.hubReady, -100)
  assert.equal(prefetched.visibleMs, 30)
})

test('the ratio is to the serial ready median', () => {
  const samples = [100, 200, 300].map((readyMs) => ({ readyMs, visibleMs: 10, at: sampleOf({} as never).at }))
  assert.equal(summarize(samples, 400).readyRatioToSerial, 0.5)
})
