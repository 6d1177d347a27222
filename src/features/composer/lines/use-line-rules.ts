import { useMemo } from "react";
import { LineRules } from "../../../domain/validation/line-rules.ts";
import type { Property } from "../../../hubspot/properties.ts";

/**
 * The line-item rules for validation, rebuilt when the portal's line-item definitions load. Products found
 * missing reach validation through the reference checker (only the quotes citing them are re-checked).
 */
export function useLineRules(properties: readonly Property[]): LineRules {
  return useMemo(() => new LineRules({ properties }), [properties]);
}
