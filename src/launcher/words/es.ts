import type { Words } from '../labels.ts'

export const words: Words = {
  title: 'Conectar una cuenta',
  edit: 'Editar conexión',
  close: 'Cerrar',
  loading: 'Cargando…',
  error: 'No se pudo abrir la conexión.',
  retry: 'Reintentar',
  errors: {
    invalid_session: 'Esta conexión no está configurada correctamente. Ponte en contacto con el soporte.',
    token_failed: 'No pudimos iniciar la conexión. Inténtalo de nuevo.',
    token_timeout: 'Iniciar la conexión tardó demasiado. Inténtalo de nuevo.',
    invalid_token: 'No pudimos iniciar la conexión. Inténtalo de nuevo.',
    token_expired: 'Tu sesión ha caducado. Inténtalo de nuevo.',
    hub_unavailable: 'El servicio de conexión no responde. Inténtalo de nuevo en un momento.',
    hub_error: 'El servicio de conexión tuvo un problema. Inténtalo de nuevo.',
    api_error: 'El servicio de conexión tuvo un problema. Inténtalo de nuevo.',
    network_error: 'No pudimos contactar con el servicio de conexión. Comprueba tu conexión a internet e inténtalo de nuevo.',
    unsupported_environment: 'No se pueden conectar cuentas aquí. Usa un navegador web.',
  },
}
