import type { MappingTarget } from "../../domain/csv/targets.ts";
import { ASSOCIATION_TARGETS } from "../../hubspot/association-catalogue.ts";
import type { Translate } from "../../i18n/use-t.ts";

/**
 * A mapping target as the mapping step shows it, in the user's language: "取引 ID", "商品項目: 数量". The
 * domain's English label stays what auto-matching compares headers with; this is display only.
 */
export function targetLabel(target: MappingTarget, t: Translate): string {
  if (target.kind === "association") {
    const type = target.association.toObjectType;
    const object = t(`object.${type}.one`);
    return target.typeLabel === ASSOCIATION_TARGETS[type].singular
      ? t("csvImport.target.association", { object })
      : t("csvImport.target.associationLabelled", { object, label: target.typeLabel });
  }
  if (target.key.startsWith("line:")) return t("csvImport.target.line", { label: target.property.label });
  return target.label;
}
