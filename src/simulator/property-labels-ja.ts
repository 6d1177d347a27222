/**
 * Labels as the Japanese portal shows them (HubSpot's Japanese UI terms where it has them: 見積もり, 有効期限,
 * 下書き, 商品項目…; whether the API returns labels in the portal's language is *unconfirmed*). Internal names
 * and option values never change.
 */
export interface LocalLabel {
  label: string;
  options?: Record<string, string>;
}

const YES_NO = { true: "はい", false: "いいえ" };
const FREQUENCY = { monthly: "毎月", quarterly: "四半期ごと", annually: "毎年" };

export const JA_QUOTE_LABELS: Record<string, LocalLabel> = {
  hs_title: { label: "見積もり名" },
  hs_expiration_date: { label: "有効期限" },
  hs_status: {
    label: "見積もりの承認ステータス",
    options: {
      DRAFT: "下書き",
      APPROVAL_NOT_NEEDED: "承認不要",
      PENDING_APPROVAL: "承認待ち",
      APPROVED: "承認済み",
      REJECTED: "却下",
    },
  },
  hs_currency: { label: "通貨" },
  hs_language: {
    label: "言語",
    options: {
      en: "英語",
      fr: "フランス語",
      de: "ドイツ語",
      es: "スペイン語",
      nl: "オランダ語",
      "pt-br": "ポルトガル語（ブラジル）",
      ja: "日本語",
    },
  },
  hs_locale: {
    label: "ロケール",
    options: {
      "en-us": "英語 - アメリカ合衆国",
      "en-gb": "英語 - イギリス",
      "fr-fr": "フランス語 - フランス",
      "de-de": "ドイツ語 - ドイツ",
      "es-es": "スペイン語 - スペイン",
      "nl-nl": "オランダ語 - オランダ",
      "ja-jp": "日本語 - 日本",
    },
  },
  hs_comments: { label: "購入者へのコメント" },
  hs_terms: { label: "購入条件" },
  hs_esign_enabled: { label: "電子署名を有効にする", options: YES_NO },
  hs_payment_enabled: { label: "支払いを有効にする", options: YES_NO },
  hs_allowed_payment_methods: {
    label: "利用可能な支払い方法",
    options: { CARD: "クレジットカード／デビットカード", ACH: "ACH銀行振込", SEPA: "SEPAダイレクトデビット" },
  },
  hs_template_type: {
    label: "見積もりテンプレートのタイプ",
    options: {
      CUSTOMIZABLE_QUOTE_TEMPLATE: "カスタマイズ可能な見積もりテンプレート",
      LEGACY_QUOTE_TEMPLATE: "従来の見積もりテンプレート",
      CPQ_QUOTE: "CPQ見積もり",
    },
  },
  hubspot_owner_id: { label: "見積もり担当者" },
  hs_sender_firstname: { label: "送信者の名" },
  hs_sender_lastname: { label: "送信者の姓" },
  hs_sender_email: { label: "送信者のEメール" },
  hs_sender_company_name: { label: "送信者の会社名" },
  hs_sender_phone: { label: "送信者の電話番号" },
  hs_quote_amount: { label: "見積もり金額" },
  hs_quote_link: { label: "見積もりリンク" },
  hs_quote_number: { label: "見積もり番号" },
  hs_pdf_download_link: { label: "PDFダウンロードリンク" },
  hs_locked: { label: "ロック済み", options: YES_NO },
  hs_createdate: { label: "作成日" },
  hs_lastmodifieddate: { label: "最終更新日" },
  hs_object_id: { label: "レコードID" },
  hs_public_url_key: { label: "公開URLキー" },
  hs_quote_source_app: { label: "作成元アプリ" },
  batch_row_key: { label: "バッチ行キー" },
  contract_term_months: { label: "契約期間（月）" },
  discount_approved: { label: "割引承認済み", options: YES_NO },
  billing_frequency: { label: "請求頻度", options: FREQUENCY },
  sales_region: {
    label: "営業地域",
    options: {
      north_america: "北米",
      emea: "欧州・中東・アフリカ",
      apac: "アジア太平洋",
      latam: "中南米",
    },
  },
  included_modules: {
    label: "含まれるモジュール",
    options: {
      analytics: "分析",
      automation: "自動化",
      api_access: "APIアクセス",
      premium_support: "プレミアムサポート",
      sso: "シングルサインオン",
    },
  },
  go_live_date: { label: "稼働開始日" },
  procurement_deadline: { label: "調達期限" },
  customer_po_number: { label: "顧客の発注番号" },
  internal_notes: { label: "社内メモ" },
};

const STAMPS: Record<string, LocalLabel> = {
  createdate: { label: "作成日" },
  hs_lastmodifieddate: { label: "最終更新日" },
  hs_object_id: { label: "レコードID" },
};

export const JA_LINE_ITEM_LABELS: Record<string, LocalLabel> = {
  name: { label: "名前" },
  hs_product_id: { label: "商品ID" },
  quantity: { label: "数量" },
  price: { label: "単価" },
  discount: { label: "割引（%）" },
  hs_discount_percentage: { label: "割引率" },
  hs_position_on_quote: { label: "見積もり上の位置" },
  hs_line_item_currency_code: { label: "通貨" },
  hs_tax_rate_group_id: { label: "税率" },
  hs_recurring_billing_period: { label: "期間" },
  recurringbillingfrequency: { label: "請求頻度", options: FREQUENCY },
  description: { label: "説明" },
  hs_sku: { label: "SKU" },
  amount: { label: "正味価格" },
  hs_total_discount: { label: "割引合計" },
  batch_line_key: { label: "バッチ明細キー" },
  cost_center: { label: "コストセンター" },
  ...STAMPS,
};

export const JA_PRODUCT_LABELS: Record<string, LocalLabel> = {
  name: { label: "名前" },
  hs_sku: { label: "SKU" },
  price: { label: "単価" },
  hs_price_jpy: { label: "単価（JPY）" },
  hs_price_usd: { label: "単価（USD）" },
  description: { label: "説明" },
  hs_recurring_billing_period: { label: "期間" },
  recurringbillingfrequency: { label: "請求頻度", options: FREQUENCY },
  hs_product_type: {
    label: "商品タイプ",
    options: { inventory: "在庫品", non_inventory: "非在庫品", service: "サービス" },
  },
  ...STAMPS,
};

export const JA_CURRENCY_NAMES: Record<string, string> = { JPY: "日本円", USD: "米ドル" };
