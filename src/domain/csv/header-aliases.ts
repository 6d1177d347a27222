import type { ColumnKey } from "../batch/columns.ts";

const deal = "assoc:deals:HUBSPOT_DEFINED:64";
const template = "assoc:quote_template:HUBSPOT_DEFINED:286";
const contact = "assoc:contacts:HUBSPOT_DEFINED:69";
const company = "assoc:companies:HUBSPOT_DEFINED:71";

/**
 * Names people give these columns in their own spreadsheets (compared after `normalizeName`): English,
 * German, French, Spanish, Italian, Dutch and the Japanese labels HubSpot's Japanese UI uses. The portal's
 * own labels match without being listed (auto-match compares every target's label).
 */
export const ALIASES: Readonly<Record<ColumnKey, readonly string[]>> = {
  // Line-item columns of a flat file (one record per line item): `line:<line-item property>`.
  "line:hs_product_id": [
    "product id",
    "product",
    "product_id",
    "produkt",
    "produit",
    "producto",
    "商品id",
    "商品",
  ],
  "line:quantity": ["quantity", "qty", "menge", "anzahl", "quantité", "cantidad", "quantità", "数量"],
  "line:price": ["unit price", "price", "preis", "einzelpreis", "prix unitaire", "precio unitario", "単価"],
  "line:discount": ["discount", "discount %", "rabatt", "remise", "descuento", "sconto", "割引", "割引率"],
  hs_title: [
    ...["title", "quote name", "quote title", "name", "quote"],
    ...["titel", "angebot", "angebotsname", "angebotstitel", "bezeichnung"],
    ...["titre", "nom du devis", "devis", "título", "nombre", "presupuesto", "titolo", "offerte"],
    ...["見積もり名", "見積もりのタイトル", "見積名", "件名", "タイトル", "名称"],
  ],
  hs_expiration_date: [
    ...["expires", "expiry", "expiry date", "expiration", "expiration date", "expires on"],
    ...["valid until", "valid to", "good until"],
    ...["ablaufdatum", "ablauf", "gültig bis", "gültigkeit", "gültig bis datum", "verfallsdatum"],
    ...["date d'expiration", "valable jusqu'au", "fecha de vencimiento", "válido hasta", "scadenza"],
    ...["geldig tot", "vervaldatum"],
    ...["有効期限", "有効期限日", "期限", "見積もり有効期限"],
  ],
  hs_currency: [
    ...["currency", "currency code", "währung", "devise", "moneda", "valuta"],
    ...["通貨", "通貨コード"],
  ],
  hs_language: ["language", "sprache", "langue", "idioma", "lingua", "taal", "言語"],
  hs_locale: ["locale", "region", "gebietsschema", "ロケール"],
  hs_status: [
    "status",
    "quote status",
    "statut",
    "estado",
    "stato",
    "ステータス",
    "見積もりのステータス",
    "状態",
  ],
  hs_comments: [
    ...["comments", "comment", "notes", "note", "comments to buyer"],
    ...["kommentar", "kommentare", "bemerkung", "bemerkungen", "notiz", "notizen", "hinweis"],
    ...["commentaire", "commentaires", "comentarios", "commenti", "opmerkingen"],
    ...["コメント", "備考", "メモ", "購入者へのコメント"],
  ],
  hs_terms: [
    ...["terms", "payment terms", "purchase terms"],
    ...["bedingungen", "zahlungsbedingungen", "konditionen", "conditions", "condiciones", "condizioni"],
    ...["条件", "支払条件", "購入条件", "取引条件"],
  ],
  hs_sender_email: ["sender email", "from email", "absender e-mail", "送信者のメールアドレス"],
  hs_sender_firstname: ["sender first name", "absender vorname", "送信者の名"],
  hs_sender_lastname: ["sender last name", "absender nachname", "送信者の姓"],
  hs_sender_company_name: ["sender company", "absender firma", "送信者の会社名"],
  hs_sender_phone: ["sender phone", "absender telefon", "送信者の電話番号"],
  hubspot_owner_id: [
    "owner",
    "quote owner",
    "besitzer",
    "verantwortlich",
    "担当者",
    "見積もり担当者",
    "所有者",
  ],
  hs_esign_enabled: ["e-sign", "esign", "e-signature", "e-signatur", "電子署名"],
  hs_payment_enabled: ["payments", "zahlungen", "支払い"],
  // Calculated by HubSpot: listed so a file's "Amount" column is explained, not silently dropped.
  hs_quote_amount: [
    "amount",
    "quote amount",
    "total",
    "betrag",
    "gesamtbetrag",
    "montant",
    "importe",
    "金額",
    "合計金額",
  ],
  [deal]: [
    ...["deal id", "deal", "deal ids", "dealid", "deal record id"],
    ...["deal-id", "geschäft", "geschäfts-id", "affaire", "negocio", "trattativa"],
    ...["取引id", "取引", "取引のレコードid"],
  ],
  [template]: [
    ...["template", "template id", "quote template", "quote template id"],
    ...["vorlage", "angebotsvorlage", "modèle", "plantilla", "modello"],
    ...["テンプレート", "見積もりテンプレート", "テンプレートid"],
  ],
  [contact]: [
    ...["contact id", "contact ids", "contacts", "contact"],
    ...["kontakt", "kontakte", "kontakt-id", "contacto", "contatto"],
    ...["コンタクトid", "コンタクト", "取引先責任者"],
  ],
  [company]: [
    ...["company id", "company ids", "company", "companies"],
    ...["firma", "unternehmen", "firmen-id", "entreprise", "société", "empresa", "azienda"],
    ...["会社id", "会社", "企業", "取引先"],
  ],
};

/**
 * Line-item property headers (for a flat file of line items): HubSpot's labels and common translations.
 * Keyed by line-item property name, for the line-item mapping targets.
 */
export const LINE_ITEM_ALIASES: Readonly<Record<string, readonly string[]>> = {
  hs_product_id: [
    "product",
    "product id",
    "produkt",
    "artikel",
    "produit",
    "producto",
    "商品",
    "商品id",
    "製品",
  ],
  name: ["line item", "item", "position", "bezeichnung", "article", "商品名", "品名", "商品項目名"],
  hs_sku: ["sku", "artikelnummer", "art.-nr.", "référence", "品番", "商品コード", "sku番号"],
  quantity: ["quantity", "qty", "menge", "anzahl", "quantité", "cantidad", "quantità", "数量"],
  price: [
    "price",
    "unit price",
    "preis",
    "einzelpreis",
    "stückpreis",
    "prix unitaire",
    "precio",
    "単価",
    "価格",
  ],
  discount: ["discount", "rabatt", "remise", "descuento", "sconto", "割引", "値引き", "値引"],
  hs_discount_percentage: ["discount %", "discount percentage", "rabatt %", "割引率"],
  amount: ["amount", "total", "betrag", "gesamtbetrag", "montant", "importe", "金額", "合計金額"],
  description: ["description", "beschreibung", "descripción", "説明"],
  hs_recurring_billing_period: ["term", "billing period", "laufzeit", "期間", "請求期間"],
  recurringbillingfrequency: ["billing frequency", "abrechnungsintervall", "請求頻度"],
};
