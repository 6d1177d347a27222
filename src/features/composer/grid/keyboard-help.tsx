import type { MessageId } from "../../../i18n/messages.ts";
import { useT } from "../../../i18n/use-t.ts";
import { Button } from "../../../ui/button.tsx";
import { Dialog } from "../../../ui/dialog.tsx";

/** Each shortcut: what it does and its keys, both from the catalogues. */
const SHORTCUTS: readonly (readonly [MessageId, MessageId])[] = [
  ["grid.help.move", "grid.help.moveKeys"],
  ["grid.help.rowEnds", "grid.help.rowEndsKeys"],
  ["grid.help.gridEnds", "grid.help.gridEndsKeys"],
  ["grid.help.page", "grid.help.pageKeys"],
  ["grid.help.extend", "grid.help.extendKeys"],
  ["grid.help.edit", "grid.help.editKeys"],
  ["grid.help.commit", "grid.help.commitKeys"],
  ["grid.help.cancel", "grid.help.cancelKeys"],
  ["grid.help.clear", "grid.help.clearKeys"],
  ["grid.help.copy", "grid.help.copyKeys"],
  ["grid.help.fill", "grid.help.fillKeys"],
  ["grid.help.undo", "grid.help.undoKeys"],
  ["grid.help.insert", "grid.help.insertKeys"],
  ["grid.help.delete", "grid.help.deleteKeys"],
  ["grid.help.details", "grid.help.detailsKeys"],
  ["grid.help.lines", "grid.help.linesKeys"],
  ["grid.help.help", "grid.help.helpKeys"],
];

/** The grids' keyboard shortcuts as a described list, opened with Ctrl+/ in a grid or the button beside it. */
export function KeyboardHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("grid.help.title")}
      description={t("grid.help.description")}
      size="md"
      footer={
        <Button variant="primary" onClick={onClose}>
          {t("ui.close")}
        </Button>
      }
    >
      <dl className="composer-shortcuts">
        {SHORTCUTS.map(([what, keys]) => (
          <div key={what} className="composer-shortcuts__item">
            <dt>
              <kbd>{t(keys)}</kbd>
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
