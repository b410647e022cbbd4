import type { Words } from '../labels.ts'

export const words: Words = {
  title: 'Connecter un compte',
  edit: 'Modifier la connexion',
  close: 'Fermer',
  loading: 'Chargement…',
  error: 'La connexion n’a pas pu être ouverte.',
  retry: 'Réessayer',
  errors: {
    invalid_session: 'Cette connexion n’est pas configurée correctement. Veuillez contacter le support.',
    token_failed: 'Impossible de démarrer la connexion. Veuillez réessayer.',
    token_timeout: 'Le démarrage de la connexion a pris trop de temps. Veuillez réessayer.',
    invalid_token: 'Impossible de démarrer la connexion. Veuillez réessayer.',
    token_expired: 'Votre session a expiré. Veuillez réessayer.',
    hub_unavailable: 'Le service de connexion ne répond pas. Veuillez réessayer dans un instant.',
    hub_error: 'Le service de connexion a rencontré un problème. Veuillez réessayer.',
    api_error: 'Le service de connexion a rencontré un problème. Veuillez réessayer.',
    network_error: 'Impossible de joindre le service de connexion. Vérifiez votre connexion internet et réessayez.',
    unsupported_environment: 'La connexion de comptes n’est pas disponible ici. Veuillez utiliser un navigateur web.',
  },
}
