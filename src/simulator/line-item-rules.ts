import {
  LINE_ITEM_TO_DEAL_TYPE_ID,
  LINE_ITEM_TO_QUOTE_TYPE_ID,
  LINE_ITEM_UNIQUE_PROPERTY,
} from "../hubspot/line-items.ts";
import type { CreateInput } from "./batch-create-flow.ts";
import { type InputProblem, otherProblem, propertyProblem } from "./batch-errors.ts";
import { objectTypeOf, type SimContext } from "./context.ts";
import type { LineItemParent } from "./line-item-store.ts";
import { countValues, propertyProblems, uniquenessProblem } from "./property-rules.ts";

/** Line item → parent association types this simulator knows (HUBSPOT_DEFINED). */
const PARENT_TYPES: Record<number, LineItemParent["type"]> = {
  [LINE_ITEM_TO_QUOTE_TYPE_ID]: "quotes",
  [LINE_ITEM_TO_DEAL_TYPE_ID]: "deals",
};

const ISO_PERIOD = /^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/;

function numberProblem(
  properties: Record<string, string>,
  name: string,
  ok: (value: number) => boolean,
  rule: string,
): InputProblem | undefined {
  const raw = properties[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || ok(value)) return undefined;
  return propertyProblem(name, "INVALID_PROPERTY_VALUE", `${raw} is not a valid ${name}: it must be ${rule}`);
}

/** HubSpot's rules on the values: the product exists, quantity > 0, price ≥ 0, discounts 0–100, an ISO term. */
function valueProblems(ctx: SimContext, properties: Record<string, string>): InputProblem[] {
  const problems = propertyProblems(ctx.portal.lineItemProperties, properties, [], "line item");
  const productId = properties.hs_product_id;
  if (
    productId !== undefined &&
    productId.trim() !== "" &&
    objectTypeOf(ctx, productId.trim()) !== "products"
  ) {
    problems.push(
      propertyProblem(
        "hs_product_id",
        "INVALID_OBJECT_ID",
        `${productId} is not the ID of a product in the product library`,
      ),
    );
  }
  if ((productId ?? "").trim() === "" && (properties.name ?? "").trim() === "") {
    problems.push(
      propertyProblem("name", "REQUIRED_PROPERTY_MISSING", "A line item without hs_product_id needs a name"),
    );
  }
  const checks = [
    numberProblem(properties, "quantity", (v) => v > 0, "more than 0"),
    numberProblem(properties, "price", (v) => v >= 0, "0 or more"),
    numberProblem(properties, "discount", (v) => v >= 0 && v <= 100, "a percentage from 0 to 100"),
    numberProblem(
      properties,
      "hs_discount_percentage",
      (v) => v >= 0 && v <= 100,
      "a percentage from 0 to 100",
    ),
    numberProblem(
      properties,
      "hs_position_on_quote",
      (v) => Number.isInteger(v) && v >= 0,
      "a whole number from 0",
    ),
  ];
  for (const problem of checks) if (problem) problems.push(problem);
  const term = properties.hs_recurring_billing_period;
  if (term !== undefined && term !== "" && !ISO_PERIOD.test(term)) {
    problems.push(
      propertyProblem(
        "hs_recurring_billing_period",
        "INVALID_PROPERTY_VALUE",
        `${term} is not an ISO 8601 period such as P12M or P1Y`,
      ),
    );
  }
  return problems;
}

/** The one parent an input asks for, or undefined; problems for a second parent or a missing/locked one. */
export function parentOf(input: CreateInput): { parent?: LineItemParent; count: number } {
  const parents = input.associations.flatMap((association) =>
    association.types.flatMap((type) => {
      const parentType = PARENT_TYPES[type.associationTypeId];
      return parentType && type.associationCategory === "HUBSPOT_DEFINED"
        ? [{ type: parentType, id: association.to.id }]
        : [];
    }),
  );
  const unique = [...new Map(parents.map((parent) => [`${parent.type}:${parent.id}`, parent])).values()];
  return { ...(unique[0] ? { parent: unique[0] } : {}), count: unique.length };
}

function associationProblems(ctx: SimContext, input: CreateInput): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const association of input.associations) {
    for (const type of association.types) {
      const parentType = PARENT_TYPES[type.associationTypeId];
      if (!parentType || type.associationCategory !== "HUBSPOT_DEFINED") {
        problems.push(
          otherProblem(
            "VALIDATION_ERROR",
            "INVALID_ASSOCIATION_TYPE",
            `${type.associationCategory} association type ${type.associationTypeId} does not exist between line items and any object type this portal allows`,
          ),
        );
        continue;
      }
      const id = association.to.id;
      if (objectTypeOf(ctx, id) !== parentType) {
        problems.push(
          otherProblem(
            "OBJECT_NOT_FOUND",
            "ASSOCIATION_TARGET_NOT_FOUND",
            `No ${parentType === "quotes" ? "quote" : "deal"} with ID ${id} exists, so the line item cannot be associated with it`,
          ),
        );
      } else if (parentType === "quotes" && ctx.quotes.get(id)?.properties.hs_locked === "true") {
        problems.push(
          otherProblem(
            "VALIDATION_ERROR",
            "QUOTE_LOCKED",
            `Quote ${id} is published and locked: line items cannot be added to it`,
          ),
        );
      }
    }
  }
  if (parentOf(input).count > 1) {
    problems.push(
      otherProblem(
        "VALIDATION_ERROR",
        "TOO_MANY_PARENTS",
        "A line item can have only one parent: associate it with one quote or one deal",
      ),
    );
  }
  return problems;
}

export function lineItemInputProblems(ctx: SimContext, inputs: readonly CreateInput[]): InputProblem[][] {
  const keys = countValues(inputs.map((input) => input.properties[LINE_ITEM_UNIQUE_PROPERTY]));
  return inputs.map((input) => {
    const problems = [...valueProblems(ctx, input.properties), ...associationProblems(ctx, input)];
    const key = input.properties[LINE_ITEM_UNIQUE_PROPERTY];
    const existing = key ? ctx.lineItems.getByUnique(key)?.id : undefined;
    const unique = uniquenessProblem(LINE_ITEM_UNIQUE_PROPERTY, key, existing, keys, "line item");
    return unique ? [...problems, unique] : problems;
  });
}
