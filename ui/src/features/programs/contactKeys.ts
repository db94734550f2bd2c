import type { Contact } from "../../ipc/api";
import type { OfferedKey } from "../../shared/PackageExportForm";

/** A program's HR contacts' keys, as a package's export form offers them. */
export function contactKeys(contacts: Contact[]): OfferedKey[] {
  return contacts.flatMap((contact) =>
    contact.recipients.map((key) => ({ key, label: `${contact.name}（${key.slice(0, 16)}…）` })),
  );
}
