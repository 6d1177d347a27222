/** The product library's families; the seed turns them into a few hundred products (product-data.ts). */

export interface SubscriptionFamily {
  code: string;
  name: string;
  /** Monthly price per unit in USD for the first edition. */
  monthly: number;
  description: string;
}

export const SUBSCRIPTIONS: readonly SubscriptionFamily[] = [
  { code: "CRM", name: "Sales CRM seat", monthly: 50, description: "A user seat of the sales CRM." },
  { code: "SVC", name: "Service desk seat", monthly: 45, description: "A user seat of the service desk." },
  {
    code: "MKT",
    name: "Marketing automation",
    monthly: 800,
    description: "Campaigns, email and landing pages.",
  },
  { code: "ANL", name: "Analytics module", monthly: 150, description: "Dashboards and custom reports." },
  { code: "API", name: "API access add-on", monthly: 75, description: "Higher API limits and webhooks." },
  {
    code: "SSO",
    name: "Single sign-on add-on",
    monthly: 50,
    description: "SAML single sign-on for every user.",
  },
  {
    code: "SUP",
    name: "Premium support",
    monthly: 400,
    description: "24/7 support with a one-hour response.",
  },
  { code: "BAK", name: "Backup and restore", monthly: 120, description: "Daily backups kept for a year." },
  { code: "CMP", name: "Compliance pack", monthly: 300, description: "Audit logs and data retention rules." },
  {
    code: "INT",
    name: "Integration hub",
    monthly: 250,
    description: "Connectors to ERP and accounting systems.",
  },
  {
    code: "AIA",
    name: "AI assistant",
    monthly: 30,
    description: "Writing and forecasting assistance per user.",
  },
  { code: "STO", name: "Extra storage (1 TB)", monthly: 90, description: "One terabyte of file storage." },
];

export const EDITIONS = [
  ["STA", "Starter", 1],
  ["PRO", "Professional", 2.4],
  ["ENT", "Enterprise", 4.5],
] as const;

/** Term, months, and the share of the monthly list price charged per month. */
export const TERMS = [
  ["P1M", 1, "monthly", 1],
  ["P12M", 12, "annually", 0.85],
] as const;

export interface OneTimeFamily {
  code: string;
  name: string;
  price: number;
  description: string;
  type: "service" | "inventory";
}

export const SERVICES: readonly OneTimeFamily[] = [
  {
    code: "ONB",
    name: "Onboarding package",
    price: 2500,
    description: "Set-up and training for a team.",
    type: "service",
  },
  {
    code: "IMP",
    name: "Implementation day",
    price: 1400,
    description: "A day of a consultant on site.",
    type: "service",
  },
  {
    code: "MIG",
    name: "Data migration",
    price: 3200,
    description: "Moving records from the old system.",
    type: "service",
  },
  {
    code: "TRN",
    name: "Training workshop",
    price: 1500,
    description: "A half-day workshop for ten people.",
    type: "service",
  },
  {
    code: "CUS",
    name: "Custom report build",
    price: 900,
    description: "One report built to specification.",
    type: "service",
  },
  {
    code: "AUD",
    name: "Security review",
    price: 4200,
    description: "A review of settings and permissions.",
    type: "service",
  },
  {
    code: "HLT",
    name: "Account health check",
    price: 750,
    description: "A yearly review of usage and setup.",
    type: "service",
  },
  {
    code: "DEV",
    name: "Developer hours (10)",
    price: 1800,
    description: "Ten hours of development work.",
    type: "service",
  },
  {
    code: "WAR",
    name: "Extended warranty",
    price: 350,
    description: "Two more years of hardware warranty.",
    type: "service",
  },
  {
    code: "KIT",
    name: "Hardware kit",
    price: 450,
    description: "A card reader, a stand and cables.",
    type: "inventory",
  },
  {
    code: "SCN",
    name: "Barcode scanner",
    price: 220,
    description: "A wireless barcode scanner.",
    type: "inventory",
  },
  {
    code: "PRT",
    name: "Receipt printer",
    price: 310,
    description: "A thermal receipt printer.",
    type: "inventory",
  },
];

export const SIZES = [
  ["S", "small", 1],
  ["M", "medium", 1.8],
  ["L", "large", 3.2],
  ["XL", "extra large", 5.5],
] as const;

export const REGIONS = ["NA", "EU", "UK", "APAC"] as const;
