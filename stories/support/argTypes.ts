import type { ArgTypes } from '@storybook/react-vite'
import { ACCOUNT_TYPES, CATEGORIES, type ConnectButtonProps } from '../../src/index.ts'

const session = { category: 'Session options' }
const launcher = { category: 'Launcher' }
const callbacks = { category: 'Callbacks' }
const button = { category: 'Button' }
const text = { control: 'text' } as const
const none = { control: false } as const
const type = (summary: string) => ({ type: { summary } })

/**
 * The docs of every prop, from the JSDoc in src/session/schema.ts, src/launcher/types.ts and ConnectButton.tsx:
 * react-docgen reads the component file only, so the session options and the launcher settings it imports from other
 * files would show without descriptions (or not at all).
 */
export const connectButtonArgTypes: Partial<ArgTypes<ConnectButtonProps>> = {
  provider: {
    ...text,
    table: { ...session, ...type('string') },
    description: "Preselects one integration, e.g. `'hibob'`: the hub skips its catalog.",
  },
  categories: {
    control: 'check',
    options: [...CATEGORIES],
    table: { ...session, type: { summary: 'Category[]' } },
    description: 'Limits the catalog to these categories.',
  },
  accountId: { ...text, table: { ...session, ...type('string') }, description: 'Opens the hub in edit mode for this existing account.' },
  type: {
    control: 'inline-radio',
    options: [...ACCOUNT_TYPES],
    table: { ...session, type: { summary: "'production' | 'test'" } },
    description: "`'test'` connects a sandbox account (the hub shows a TEST badge).",
  },
  expiresIn: {
    control: 'number',
    table: { ...session, ...type('number') },
    description: "How long the token lives, in seconds. StackOne's default is 1800.",
  },
  label: { ...text, table: { ...session, ...type('string') }, description: 'A label applied to the connected account.' },
  metadata: {
    control: 'object',
    table: { ...session, ...type('JsonObject') },
    description: 'A JSON object stored with the account, passed through untouched.',
  },
  multiple: {
    control: 'boolean',
    table: { ...session, ...type('boolean') },
    description: 'Allows several accounts with the same owner and provider. No effect with `accountId`.',
  },
  integrationId: { ...text, table: { ...session, ...type('string') }, description: 'The integration to connect.' },
  providerVersion: { ...text, table: { ...session, ...type('string') }, description: 'The provider version to connect.' },
  originOwnerId: {
    ...text,
    table: { ...session, ...type('string') },
    description: "Who owns the account: your customer's id. Set on the server; ignored from the browser by `createConnectSessionHandler`.",
  },
  originOwnerName: {
    ...text,
    table: { ...session, ...type('string') },
    description: "Your customer's name, shown in StackOne's dashboard.",
  },
  originUsername: { ...text, table: { ...session, ...type('string') }, description: "The end user's name in your product." },

  getToken: {
    ...none,
    table: { ...launcher, type: { summary: '(session, { signal }) => Promise<string | { token, expiresAt? }>' } },
    description: 'Asks your backend for a connect-session token. Called with the validated session options and an `AbortSignal`.',
  },
  hubUrl: {
    ...text,
    table: { ...launcher, ...type('string') },
    description: 'The URL of the hub page (protocol v1). Required unless `hub` is given.',
  },
  hub: {
    ...none,
    table: { ...launcher, ...type('HubFactory') },
    description: 'Another kind of hub, e.g. `stackOneHub()` from `react-connect-hub/stackone`. Takes precedence over `hubUrl`.',
  },
  display: {
    control: 'inline-radio',
    options: ['modal', 'inline'],
    table: { ...launcher, ...type("'modal' | 'inline'"), defaultValue: { summary: "'modal'" } },
    description: "`'modal'`: a dialog over the page. `'inline'`: the hub in place (or in `container`).",
  },
  container: {
    ...none,
    table: {
      ...launcher,
      ...type('HTMLElement | null | (() => HTMLElement | null)'),
      defaultValue: { summary: 'the element `<ConnectButton>` renders after itself' },
    },
    description: 'Where an inline hub is rendered (an element, or a function returning it when the hub opens).',
  },
  prefetch: {
    control: 'select',
    options: ['intent', 'visible', 'mount', 'none'],
    table: { ...launcher, ...type("'intent' | 'visible' | 'mount' | 'none'"), defaultValue: { summary: "'intent'" } },
    description: 'When to fetch the token and pre-load the hub ahead of the click.',
  },
  tokenTimeout: {
    control: 'number',
    table: { ...launcher, ...type('number'), defaultValue: { summary: '15000' } },
    description: 'How long `getToken` may take before `token_timeout`, in ms.',
  },
  hubTimeout: {
    control: 'number',
    table: { ...launcher, ...type('number'), defaultValue: { summary: '15000' } },
    description: 'How long the hub may take to say `ready` before `hub_unavailable`, in ms.',
  },
  labels: {
    control: 'object',
    table: { ...launcher, type: { summary: 'Partial<{ title, close, loading, error, retry }>' } },
    description: "The launcher's own strings (dialog name, close, loading, error, retry).",
  },
  dialogClassName: {
    ...text,
    table: { ...launcher, ...type('string') },
    description: 'Classes added to the dialog (or inline box), next to `rch-root rch-dialog` / `rch-inline`.',
  },

  onSuccess: {
    ...none,
    table: { ...callbacks, type: { summary: "({ accountId, provider, mode: 'create' | 'edit' }) => void" } },
    description: 'Called once per account connected or edited, before the hub closes.',
  },
  onCancel: {
    ...none,
    table: { ...callbacks, ...type('() => void') },
    description: "Called when the hub is dismissed without success (close control, Escape, the hub's cancel, `close()`).",
  },
  onClose: {
    ...none,
    table: { ...callbacks, ...type('() => void') },
    description: 'Called on every dismissal, after `onSuccess` or `onCancel`.',
  },
  onError: {
    ...none,
    table: { ...callbacks, type: { summary: '(error: ConnectHubError) => void' } },
    description: 'Called with every failure. Without it, each failure is logged once with `console.error`.',
  },
  onEvent: {
    ...none,
    table: { ...callbacks, type: { summary: '(event: ConnectHubEvent) => void' } },
    description: 'Called with every event of the launcher, for analytics and timing.',
  },

  children: {
    ...text,
    table: { ...button, defaultValue: { summary: "'Connect' ('Edit connection' when `accountId` is set)" } },
    description: "The button's content.",
  },
  className: { ...text, table: { ...button, ...type('string') }, description: 'Added next to `rch-button`.' },
  style: {
    control: 'object',
    table: { ...button, ...type('CSSProperties') },
    description: 'Inline styles, e.g. the `--rch-*` custom properties.',
  },
  disabled: {
    control: 'boolean',
    table: { ...button, ...type('boolean') },
    description: 'Any other button attribute is passed to the `<button>`.',
  },
}
