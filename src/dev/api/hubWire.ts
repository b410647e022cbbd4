import type { CredentialField, Provider } from '../catalog.ts'
import { logoDataUrl } from './logo.ts'
import type { DevAccount, DevSession } from './store.ts'

// How the hub endpoints write the catalog and accounts, in StackOne's shapes.

/** How StackOne's hub marks a stored secret it will not show: an untouched field keeps the saved value. */
export const REDACTED = '__secretvalue:**redacted**'

export const AUTH_CONFIG_KEY = 'custom'
export const ENVIRONMENT = 'production'

export function fieldToWire(field: CredentialField) {
  return {
    key: field.key,
    label: field.label,
    type: field.type,
    required: field.required,
    secret: field.secret,
    ...(field.placeholder ? { placeholder: field.placeholder } : {}),
    ...(field.description ? { description: field.description } : {}),
    ...(field.options ? { options: field.options } : {}),
    ...(field.pattern ? { validation: { type: 'html-pattern', pattern: `^(?:${field.pattern})$` } } : {}),
  }
}

export function integrationToWire(provider: Provider, session: DevSession) {
  const type = provider.categories.find((category) => session.categories?.includes(category)) ?? provider.categories[0]
  return {
    integration_id: provider.key,
    provider: provider.key,
    name: provider.name,
    type,
    categories: provider.categories,
    auth: provider.auth,
    version: '1.0.0',
    active: true,
    initials: provider.initials,
    color: provider.color,
    logo_url: logoDataUrl(provider),
    authentication_config_key: AUTH_CONFIG_KEY,
    environment: ENVIRONMENT,
  }
}

/** An account as the hub sees it in edit mode: non-secret fields prefilled, secrets only as a redaction marker. */
export function accountForHub(account: DevAccount) {
  return {
    id: account.id,
    provider: account.provider,
    provider_name: account.providerName,
    integrationId: account.provider,
    authConfigKey: AUTH_CONFIG_KEY,
    environment: ENVIRONMENT,
    label: account.label ?? null,
    type: account.type,
    setupInformation: { ...account.setupInformation },
    secrets: Object.fromEntries(Object.keys(account.secrets).map((key) => [key, REDACTED])),
  }
}

/** A connector as `/hub/connectors/{id}` answers it: StackOne's hub heads the credentials form with `config.name` and `config.assets.icon`. */
export function connectorToWire(provider: Provider, session: DevSession) {
  return {
    ...integrationToWire(provider, session),
    config: {
      key: provider.key,
      name: provider.name,
      assets: { icon: logoDataUrl(provider) },
      authentication: {
        [AUTH_CONFIG_KEY]: {
          // `oauth2` with the authorization_code grant is what sends StackOne's hub through its OAuth window.
          [ENVIRONMENT]: {
            ...(provider.auth === 'oauth2'
              ? { type: 'oauth2', grantType: 'authorization_code', scopes: provider.scopes }
              : { type: 'custom' }),
            fields: provider.fields.map(fieldToWire),
            guide: { description: provider.guide },
          },
        },
      },
    },
  }
}
