import type * as z from 'zod/mini'
import { ConnectHubError, type ConnectHubIssue } from '../errors.ts'
import { SESSION_FIELDS } from './fields.ts'
import { connectSessionOptionsSchema, type NormalizedConnectSessionOptions } from './schema.ts'
import { didYouMean } from './suggest.ts'

type ZodIssue = { code: string; path: PropertyKey[]; message: string; keys?: string[] }

function toIssues(issues: readonly ZodIssue[], fields: readonly string[], rename: (key: PropertyKey) => PropertyKey): ConnectHubIssue[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map((key, i) => (i === 0 ? rename(key) : key)).filter((key) => typeof key !== 'symbol')
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => {
        const name = path.length ? key : String(rename(key))
        return { path: [...path, name], message: `is not a session field${didYouMean(name, fields)}` }
      })
    }
    return [{ path, message: issue.message }]
  })
}

function formatPath(path: ConnectHubIssue['path']): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`
      if (/^[A-Za-z_$][\w$]*$/.test(key)) return i === 0 ? key : `.${key}`
      return `[${JSON.stringify(key)}]`
    })
    .join('')
}

function describe(issues: ConnectHubIssue[]): string {
  return issues.map(({ path, message }) => (path.length ? `${formatPath(path)} ${message}` : message)).join('; ')
}

/** Parses `input` with `schema`; issue paths name the fields as `fields` spells them, the first key `rename`d. */
export function parseWith<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  fields: readonly string[],
  rename: (key: PropertyKey) => PropertyKey = (key) => key,
): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issues = toIssues(result.error.issues as ZodIssue[], fields, rename)
  throw new ConnectHubError('invalid_session', `invalid connect session — ${describe(issues)}`, { issues })
}

/** Validates and normalises what a browser asks for. Throws a `ConnectHubError` (`invalid_session`). */
export function parseConnectSessionOptions(input: unknown): NormalizedConnectSessionOptions {
  return parseWith(connectSessionOptionsSchema, input, SESSION_FIELDS)
}
