import { pickLocale } from '../protocol/appearance.ts'
import { ENGLISH, type ScreenWords } from './screens.ts'

// The test hub's words besides English, loaded only by a test hub opened from a button given another locale. The
// glossary's words are the launcher's and the reference hub's, so a host's tests in French find the buttons its users
// will see.
const TRANSLATIONS: Record<string, ScreenWords> = {
  fr: {
    choose: 'Choisissez une intégration',
    integrations: 'Intégrations',
    connectTo: 'Connecter {name}',
    testAccount: 'Un compte de test : aucun identifiant n’est nécessaire.',
    connect: 'Connecter',
    back: 'Retour',
    edit: 'Modifier {name}',
    account: 'Compte {id}',
    save: 'Enregistrer',
    empty: 'Aucune intégration n’est disponible pour cette session.',
    cancel: 'Annuler',
  },
  de: {
    choose: 'Integration auswählen',
    integrations: 'Integrationen',
    connectTo: '{name} verbinden',
    testAccount: 'Ein Testkonto: Es sind keine Zugangsdaten nötig.',
    connect: 'Verbinden',
    back: 'Zurück',
    edit: '{name} bearbeiten',
    account: 'Konto {id}',
    save: 'Speichern',
    empty: 'Für diese Sitzung ist keine Integration verfügbar.',
    cancel: 'Abbrechen',
  },
  es: {
    choose: 'Elige una integración',
    integrations: 'Integraciones',
    connectTo: 'Conectar {name}',
    testAccount: 'Una cuenta de prueba: no se necesitan credenciales.',
    connect: 'Conectar',
    back: 'Atrás',
    edit: 'Editar {name}',
    account: 'Cuenta {id}',
    save: 'Guardar',
    empty: 'No hay ninguna integración disponible para esta sesión.',
    cancel: 'Cancelar',
  },
  ja: {
    choose: '連携を選択',
    integrations: '連携',
    connectTo: '{name} を接続',
    testAccount: 'テスト用アカウントです。認証情報は不要です。',
    connect: '接続',
    back: '戻る',
    edit: '{name} を編集',
    account: 'アカウント {id}',
    save: '保存',
    empty: 'このセッションで利用できる連携はありません。',
    cancel: 'キャンセル',
  },
  ar: {
    choose: 'اختر تكاملاً',
    integrations: 'التكاملات',
    connectTo: 'ربط {name}',
    testAccount: 'حساب تجريبي: لا حاجة إلى بيانات اعتماد.',
    connect: 'اتصال',
    back: 'رجوع',
    edit: 'تعديل {name}',
    account: 'الحساب {id}',
    save: 'حفظ',
    empty: 'لا يتوفر أي تكامل لهذه الجلسة.',
    cancel: 'إلغاء',
  },
}

/** The test hub's words closest to `locale` (`de-CH` → German), else English. */
export const wordsFor = (locale: string): ScreenWords => TRANSLATIONS[pickLocale(locale, Object.keys(TRANSLATIONS), 'en')] ?? ENGLISH
