import type { Words } from '../labels.ts'

export const words: Words = {
  title: 'アカウントを接続',
  edit: '接続を編集',
  close: '閉じる',
  loading: '読み込み中…',
  error: '接続を開けませんでした。',
  retry: '再試行',
  errors: {
    invalid_session: 'この接続は正しく設定されていません。サポートにお問い合わせください。',
    token_failed: '接続を開始できませんでした。もう一度お試しください。',
    token_timeout: '接続の開始に時間がかかりすぎました。もう一度お試しください。',
    invalid_token: '接続を開始できませんでした。もう一度お試しください。',
    token_expired: 'セッションの有効期限が切れました。もう一度お試しください。',
    hub_unavailable: '接続サービスが応答していません。しばらくしてからもう一度お試しください。',
    hub_error: '接続サービスで問題が発生しました。もう一度お試しください。',
    api_error: '接続サービスで問題が発生しました。もう一度お試しください。',
    network_error: '接続サービスに接続できませんでした。インターネット接続を確認して、もう一度お試しください。',
    unsupported_environment: 'ここではアカウントを接続できません。ウェブブラウザをご利用ください。',
  },
}
