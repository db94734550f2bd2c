import { useTranslation } from "react-i18next";
import type { Program } from "../../ipc/api";
import { formatPeriod } from "../../shared/format";
import { useLanguage } from "../../shared/useLanguage";

/** What a program is: its period, what employees were told, its threshold and HR contacts. */
export function ProgramDetails({ program }: { program: Program }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const orNotRecorded = (text: string | null) => text ?? <span className="quiet">{t("programs.notRecorded")}</span>;

  return (
    <div className="program-details">
      <dl className="program-details__list">
        <dt>{t("programs.period")}</dt>
        <dd data-testid="program-period">{formatPeriod(program.startsOn, program.endsOn, language)}</dd>
        <dt>{t("programs.k")}</dt>
        <dd>{program.anonymityK}</dd>
        <dt>{t("fields.followUpAfterDays")}</dt>
        <dd data-testid="program-follow-up">
          {program.followUpAfterDays === null
            ? orNotRecorded(null)
            : t("programs.followUpDays", { n: program.followUpAfterDays })}
        </dd>
        <dt>{t("programs.purpose")}</dt>
        <dd className="program-details__text">{orNotRecorded(program.purpose)}</dd>
        <dt>{t("programs.theme")}</dt>
        <dd className="program-details__text">{orNotRecorded(program.theme)}</dd>
      </dl>
      <h2>{t("programs.contacts")}</h2>
      {program.contacts.length === 0 ? (
        <p className="quiet">{t("programs.noContacts")}</p>
      ) : (
        <ul className="contact-list">
          {program.contacts.map((contact) => (
            <li key={contact.id} className="contact-list__item" data-testid="program-contact">
              <span className="contact-list__name">{contact.name}</span>
              {contact.role !== null && <span className="quiet">{contact.role}</span>}
              <span className="quiet">{t("programs.recipientCount", { n: contact.recipients.length })}</span>
              {contact.recipients.map((recipient) => (
                <code key={recipient} className="contact-list__recipient">
                  {recipient}
                </code>
              ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
