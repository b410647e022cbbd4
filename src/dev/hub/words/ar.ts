import type { Words } from './en.ts'

const plural = new Intl.PluralRules('ar')

export const ar: Words = {
  pageTitle: 'ربط تكامل',
  loading: 'جارٍ التحميل…',
  cancel: 'إلغاء',
  back: 'رجوع',
  tryAgain: 'إعادة المحاولة',
  connect: 'اتصال',
  connecting: 'جارٍ الاتصال…',
  save: 'حفظ',
  saving: 'جارٍ الحفظ…',
  reconnect: 'إعادة الاتصال',
  crumb: { create: 'اتصال', edit: 'تعديل الاتصال' },
  modeTitle: { create: 'ربط تكامل', edit: 'تعديل الاتصال' },
  testBadge: 'تجريبي',
  testBadgeTitle: 'وضع الاختبار: يربط هذا حسابًا تجريبيًا',

  refused: {
    protocolTitle: 'مضيف غير مدعوم',
    protocolText: 'يستخدم هذا المركز الإصدار 1 من البروتوكول: حمّله بالشكل hubUrl?v=1&origin=<أصل صفحتك>&display=modal|inline.',
    originTitle: 'لا يمكن لهذه الصفحة فتح المركز',
    originText: 'أصل هذه الصفحة غير مسموح له باستخدام هذا المركز. أضفه إلى allowedOrigins.',
    framedTitle: 'افتح المركز من تطبيقك',
    framedText: 'يعمل هذا المركز داخل صفحة مضيفة تمنحه رمز الجلسة.',
  },
  failed: 'حدث خطأ ما',
  refreshing: 'جارٍ تجديد الجلسة…',
  networkError: (detail) => `تعذّر على المركز الوصول إلى واجهته البرمجية (${detail}).`,
  noIntegrations: 'لا يتوفر أي تكامل لهذه الجلسة.',
  unknownProvider: (provider) => `مزوّد الحساب ${provider} غير متاح.`,
  done: {
    connected: (name) => `تم ربط ${name}`,
    updated: (name) => `تم تحديث ${name}`,
    reconnected: (name) => `تمت إعادة ربط ${name}`,
  },
  canClose: 'يمكنك إغلاق هذه النافذة.',

  catalogTitle: 'ربط تكامل',
  integrations: 'التكاملات',
  searchLabel: 'البحث في التكاملات',
  listSeparator: '، ',
  noMatch: (query) => `لا يوجد تكامل يطابق «${query}».`,
  matches: (count) => {
    switch (plural.select(count)) {
      case 'zero':
        return 'لا توجد تكاملات'
      case 'one':
        return 'تكامل واحد'
      case 'two':
        return 'تكاملان'
      case 'few':
        return `${count} تكاملات`
      default:
        return `${count} تكاملًا`
    }
  },
  categories: {
    ats: 'التوظيف (ATS)',
    hris: 'الموارد البشرية (HRIS)',
    'hris-legacy': 'الموارد البشرية (قديم)',
    crm: 'إدارة علاقات العملاء',
    iam: 'إدارة الهوية',
    marketing: 'التسويق',
    lms: 'التعلّم (LMS)',
    stackone: 'StackOne',
    documents: 'المستندات',
    ticketing: 'التذاكر',
    screening: 'التحقق من الخلفية',
    messaging: 'المراسلة',
    accounting: 'المحاسبة',
    scheduling: 'الجدولة',
  },
  oauthBadge: 'OAuth',
  oauthBadgeTitle: 'يتصل في نافذة المزوّد الخاصة',
  credentialsBadge: 'بيانات الاعتماد',
  credentialsBadgeTitle: 'يتصل باستخدام بيانات الاعتماد',

  formTitle: { create: (name) => `ربط ${name}`, edit: (name) => `تعديل ${name}` },
  credentialsLine: (name) => `يمنحك ${name} بيانات الاعتماد هذه؛ تُحفظ الأسرار ولا تُعرض مرة أخرى أبدًا.`,
  choose: 'اختر…',
  keptSecret: 'توجد قيمة محفوظة. اتركه فارغًا للإبقاء عليها.',
  required: (label) => `${label} مطلوب`,
  fillRequired: 'يرجى ملء الحقول المطلوبة.',
  checkFields: 'يرجى التحقق من الحقول المميزة',
  invalid: (label) => `${label}: قيمة غير صالحة`,
  fields: {
    'API key': 'مفتاح API',
    'API token': 'رمز API',
    'Access token': 'رمز الوصول',
    'Secret key': 'المفتاح السري',
    'Demo key': 'مفتاح العرض التوضيحي',
    'Harvest API key': 'مفتاح API لـ Harvest',
    Subdomain: 'النطاق الفرعي',
    Username: 'اسم المستخدم',
    Password: 'كلمة المرور',
    Email: 'البريد الإلكتروني',
    Region: 'المنطقة',
    Host: 'المضيف',
    'Tenant name': 'اسم المستأجر',
    'Integration system user': 'مستخدم نظام التكامل',
    'Service user ID': 'معرّف مستخدم الخدمة',
    'Service user token': 'رمز مستخدم الخدمة',
    'Client ID': 'معرّف العميل',
    'Client secret': 'سر العميل',
    'Okta domain': 'نطاق Okta',
  },
  subdomainHint: (domain) => `الجزء الأول من عنوان ${domain} الخاص بك`,

  oauth: {
    title: { create: (name) => `ربط ${name}`, edit: (name) => `إعادة ربط ${name}` },
    explain: (name) => `تسجّل الدخول في ${name} وتسمح بالوصول هناك، في نافذة مستقلة. لا ترى هذه الصفحة كلمة مرورك في ${name} أبدًا.`,
    keepsAccount: (name) => `يحتفظ الحساب بإعداداته ومعرّفه؛ ولا يُجدَّد إلا وصوله إلى ${name}.`,
    waitingTitle: (name) => `في انتظار ${name}`,
    waitingText: (name) => `اسمح بالوصول في نافذة ${name} لإكمال العملية. تتحدّث هذه الصفحة تلقائيًا.`,
    showWindow: (name) => `عرض نافذة ${name}`,
    windowLost: (name) => `إذا كانت نافذة ${name} لا تزال مفتوحة، فأكمل هناك. وإذا أغلقتها، فأعد المحاولة.`,
    blockedTitle: (name) => `تم حظر نافذة ${name}`,
    blockedText: (name) => `حظر متصفحك النافذة التي تسجّل فيها الدخول إلى ${name}.`,
    blockedHelp: 'افتحها في علامة تبويب جديدة بدلًا من ذلك: تتابع هذه الصفحة تلقائيًا بعد أن تجيب هناك.',
    openInTab: (name) => `فتح ${name} في علامة تبويب جديدة`,
    deniedTitle: (name) => `لم يسمح ${name} بالوصول`,
    deniedText: (name) => `رفض ${name} الوصول.`,
    expiredTitle: 'انتهت صلاحية الطلب',
    expiredText: (name) => `انتهت صلاحية الطلب إلى ${name} قبل الرد عليه.`,
    nothingConnected: 'لم يتم ربط أي شيء.',
  },
}
