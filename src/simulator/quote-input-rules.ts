import { QUOTE_TO_LINE_ITEM_TYPE_ID } from "../hubspot/line-items.ts";
import { CPQ_TEMPLATE_TYPE } from "../hubspot/quote-system.ts";
import { findAssociationType, OBJECT_TYPE_NAMES, objectTypeName } from "./association-types.ts";
import type { CreateInput } from "./batch-create-flow.ts";
import { type InputProblem, otherProblem, propertyProblem } from "./batch-errors.ts";
import { objectTypeOf, type SimContext } from "./context.ts";
import { countValues, propertyProblems, uniquenessProblem } from "./property-rules.ts";
import { REQUIRED_QUOTE_PROPERTIES, UNIQUE_PROPERTY_NAME } from "./quote-properties.ts";

/** Each association: a known quote type id in its category, to an existing record of the type it links. */
export function associationProblems(
  ctx: SimContext,
  associations: CreateInput["associations"],
): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const association of associations) {
    const toId = association.to.id;
    for (const spec of association.types) {
      const known = findAssociationType(spec.associationTypeId);
      if (!known || known.category !== spec.associationCategory) {
        problems.push(
          otherProblem(
            "VALIDATION_ERROR",
            "INVALID_ASSOCIATION_TYPE",
            `${spec.associationCategory} association type ${spec.associationTypeId} does not exist between quotes and any object type`,
          ),
        );
        continue;
      }
      const type = objectTypeOf(ctx, toId);
      const wanted = OBJECT_TYPE_NAMES[known.toObjectType];
      if (type === undefined) {
        problems.push(
          otherProblem(
            "OBJECT_NOT_FOUND",
            "ASSOCIATION_TARGET_NOT_FOUND",
            `No ${wanted} with ID ${toId} exists, so the quote cannot be associated with it`,
          ),
        );
      } else if (type !== known.toObjectType) {
        problems.push(
          otherProblem(
            "VALIDATION_ERROR",
            "INVALID_ASSOCIATION_TYPE_FOR_OBJECT",
            `ID ${toId} is a ${objectTypeName(type)}, but association type ${spec.associationTypeId} links a quote to a ${wanted}`,
          ),
        );
      }
    }
  }
  return problems;
}

export function lineItemIdsOf(input: CreateInput): string[] {
  const ids = input.associations
    .filter((association) =>
      association.types.some((type) => type.associationTypeId === QUOTE_TO_LINE_ITEM_TYPE_ID),
    )
    .map((association) => association.to.id);
  return [...new Set(ids)];
}

/** One parent per line item: a line item a deal, another quote, or another input of this batch has is taken. */
function claimProblems(ctx: SimContext, lineItemIds: readonly string[], claims: ReadonlyMap<string, number>) {
  const problems: InputProblem[] = [];
  for (const id of lineItemIds) {
    const parent = ctx.lineItems.get(id)?.parent;
    if (parent) {
      problems.push(
        otherProblem(
          "VALIDATION_ERROR",
          "LINE_ITEM_ALREADY_ASSOCIATED",
          `Line item ${id} already belongs to ${objectTypeName(parent.type)} ${parent.id}; a line item can have only one parent. Create a new line item for this quote.`,
        ),
      );
    } else if ((claims.get(id) ?? 0) > 1) {
      problems.push(
        otherProblem(
          "VALIDATION_ERROR",
          "LINE_ITEM_ALREADY_ASSOCIATED",
          `Line item ${id} is associated with more than one quote in this batch; a line item can have only one parent`,
        ),
      );
    }
  }
  return problems;
}

function hasAssociation(ctx: SimContext, input: CreateInput, type: string): boolean {
  return input.associations.some((association) => objectTypeOf(ctx, association.to.id) === type);
}

/** A CPQ portal's quotes: `hs_template_type=CPQ_QUOTE`, a contact, a deal and line items at creation. */
function cpqProblems(ctx: SimContext, input: CreateInput): InputProblem[] {
  const problems: InputProblem[] = [];
  if (input.properties.hs_template_type !== CPQ_TEMPLATE_TYPE) {
    problems.push(
      propertyProblem(
        "hs_template_type",
        "REQUIRED_PROPERTY_MISSING",
        `This portal uses CPQ quotes: set hs_template_type to ${CPQ_TEMPLATE_TYPE}`,
      ),
    );
  }
  const needs: [string, string][] = [
    ["contacts", "a contact"],
    ["deals", "a deal"],
    ["line_items", "at least one line item"],
  ];
  for (const [type, what] of needs) {
    if (!hasAssociation(ctx, input, type)) {
      problems.push(
        otherProblem(
          "VALIDATION_ERROR",
          "MISSING_REQUIRED_ASSOCIATION",
          `A CPQ quote must be associated with ${what}`,
        ),
      );
    }
  }
  return problems;
}

export function quoteInputProblems(ctx: SimContext, inputs: readonly CreateInput[]): InputProblem[][] {
  const keys = countValues(inputs.map((input) => input.properties[UNIQUE_PROPERTY_NAME]));
  const claims = countValues(inputs.flatMap(lineItemIdsOf));
  return inputs.map((input) => {
    const problems = [
      ...propertyProblems(ctx.portal.quoteProperties, input.properties, REQUIRED_QUOTE_PROPERTIES),
      ...associationProblems(ctx, input.associations),
      ...claimProblems(ctx, lineItemIdsOf(input), claims),
      ...(ctx.portal.quoteSystem === "cpq" ? cpqProblems(ctx, input) : []),
    ];
    const key = input.properties[UNIQUE_PROPERTY_NAME];
    const unique = uniquenessProblem(
      UNIQUE_PROPERTY_NAME,
      key,
      key ? ctx.quotes.getByUnique(key)?.id : undefined,
      keys,
      "quote",
    );
    return unique ? [...problems, unique] : problems;
  });
}
