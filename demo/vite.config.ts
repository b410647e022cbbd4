import { defineConfig } from 'vite'
import { demoConfig } from './config.ts'

// `npm run dev`: the Integrations page on HOST_PORT (5173), the reference hub on HUB_PORT (5174), the dev API on API_PORT (5175),
// the simulated OAuth provider on PROVIDER_PORT (5176).
export default defineConfig(() => demoConfig())
