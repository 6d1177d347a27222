import { DEAL_STAGES, INDUSTRIES } from "./crm-names.ts";
import { type CrmWords, US_WORDS } from "./crm-words.ts";
import type { Prng } from "./prng.ts";
import { productLibrary } from "./product-data.ts";

/** The object types the seeded CRM holds (quotes live in the quote store instead). */
export type CrmObjectType = "contacts" | "companies" | "deals" | "line_items" | "quote_template" | "products";

export interface CrmRecord {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export type Crm = Record<CrmObjectType, readonly CrmRecord[]>;

export const CRM_SIZES: Record<CrmObjectType, number> = {
  companies: 120,
  contacts: 300,
  deals: 200,
  line_items: 150,
  quote_template: 6,
  products: 264,
};

/** Each type gets its own id range, so an id names one record of one type (for "64 to a contact"). */
const ID_BASES: Record<CrmObjectType, number> = {
  contacts: 51_000_000_000,
  companies: 52_000_000_000,
  deals: 53_000_000_000,
  line_items: 54_000_000_000,
  quote_template: 55_000_000_000,
  products: 56_000_000_000,
};

const EPOCH_2024 = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

function stamp(prng: Prng, id: string, properties: Record<string, string>): CrmRecord {
  const created = EPOCH_2024 + prng.int(600) * DAY_MS + prng.int(DAY_MS);
  const updated = created + prng.int(90) * DAY_MS;
  const createdAt = new Date(created).toISOString();
  const updatedAt = new Date(updated).toISOString();
  return {
    id,
    createdAt,
    updatedAt,
    properties: { ...properties, createdate: createdAt, hs_lastmodifieddate: updatedAt, hs_object_id: id },
  };
}

function ids(prng: Prng, type: CrmObjectType): string[] {
  return Array.from({ length: CRM_SIZES[type] }, (_, i) =>
    String(ID_BASES[type] + i * 1000 + prng.int(1000)),
  );
}

/**
 * A few hundred records with realistic names, the same for the same seed. The draws happen in one fixed
 * order per record, so a portal's words change the names and never which records exist.
 */
export function generateCrm(prng: Prng, words: CrmWords = US_WORDS): Crm {
  const companies = ids(prng, "companies").map((id, i) => {
    const [stem, stemAscii] = words.companyStems[i % words.companyStems.length] ?? ["Acme", "acme"];
    const suffix = prng.pick(words.companySuffixes);
    const round = Math.floor(i / words.companyStems.length);
    const name = words.companyName(stem, suffix, round, () => prng.pick(words.cities));
    const domain = `${stemAscii}${round === 0 ? "" : round + 1}.${prng.pick(words.topLevelDomains)}`;
    return stamp(prng, id, {
      name,
      domain,
      city: prng.pick(words.cities),
      industry: prng.pick(INDUSTRIES),
      numberofemployees: String(10 + prng.int(5000)),
    });
  });

  const contacts = ids(prng, "contacts").map((id) => {
    const [firstname, firstAscii] = prng.pick(words.firstNames);
    const [lastname, lastAscii] = prng.pick(words.lastNames);
    const company = prng.pick(companies);
    const local = `${firstAscii}.${lastAscii}`;
    return stamp(prng, id, {
      firstname,
      lastname,
      fullname: words.fullName(firstname, lastname),
      email: `${local}${prng.int(3) === 0 ? prng.int(90) + 10 : ""}@${company.properties.domain}`,
      company: company.properties.name ?? "",
      jobtitle: prng.pick(words.jobTitles),
      phone: words.phone(prng),
    });
  });

  const deals = ids(prng, "deals").map((id) => {
    const company = prng.pick(companies);
    const stage = prng.pick(DEAL_STAGES);
    const close = EPOCH_2024 + (300 + prng.int(500)) * DAY_MS;
    const dealname = `${company.properties.name} - ${prng.pick(words.dealKinds)}`;
    const money = words.dealMoney(prng, 5 + prng.int(400));
    return stamp(prng, id, {
      dealname,
      amount: money.amount,
      deal_currency_code: money.currency,
      dealstage: stage,
      pipeline: "default",
      closedate: new Date(close).toISOString(),
    });
  });

  const lineItems = ids(prng, "line_items").map((id) => {
    const [name, price, sku] = prng.pick(words.lineItemProducts);
    const quantity = 1 + prng.int(25);
    return stamp(prng, id, {
      name,
      price: price.toFixed(words.moneyDecimals),
      quantity: String(quantity),
      amount: (price * quantity).toFixed(words.moneyDecimals),
      hs_sku: `SKU-${sku}-${prng.int(900) + 100}`,
    });
  });

  const templates = ids(prng, "quote_template").map((id, i) =>
    stamp(prng, id, {
      hs_name: words.templateNames[i % words.templateNames.length] ?? "Quote template",
      hs_active: "true",
    }),
  );

  // Drawn last, so the records above stay what they were before the product library existed.
  const library = productLibrary(words.pricing, words.language);
  const products = ids(prng, "products").map((id, i) => stamp(prng, id, library[i % library.length] ?? {}));

  return { companies, contacts, deals, line_items: lineItems, quote_template: templates, products };
}

export const CRM_OBJECT_TYPES: readonly CrmObjectType[] = [
  "contacts",
  "companies",
  "deals",
  "line_items",
  "quote_template",
  "products",
];

export interface IndexedRecord {
  type: CrmObjectType;
  record: CrmRecord;
}

/** Every record by id; ids are unique across types, so this also tells "missing" from "wrong type". */
export function indexCrm(crm: Crm): ReadonlyMap<string, IndexedRecord> {
  const index = new Map<string, IndexedRecord>();
  for (const type of CRM_OBJECT_TYPES) for (const record of crm[type]) index.set(record.id, { type, record });
  return index;
}
