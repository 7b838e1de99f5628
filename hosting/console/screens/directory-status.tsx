/** @jsxImportSource preact */
import { doc, getDoc } from "firebase/firestore/lite";
import { useEffect, useState } from "preact/hooks";
import { confirmedDay, isVerified } from "../../../functions/src/committee/directory/status.js";
import { type Member, MemberSchema } from "../../../functions/src/model/member.js";
import { lang, t } from "../i18n/index.js";
import { claims, services } from "../session.js";

/** An entry's confirmation instant as a day in the interface's language. */
export const formatDay = (iso: string) => new Date(iso).toLocaleDateString(lang.value, { dateStyle: "long" });

const today = () => new Date().toISOString().slice(0, 10);

/**
 * What an entry's confirmation says: confirmed on a day, not verified since that day once 13
 * months have passed, or never confirmed.
 */
export function entryStatus(member: Pick<Member, "confirmedAt">): "confirmed" | "stale" | "never" {
  if (!confirmedDay(member)) return "never";
  return isVerified(member, today()) ? "confirmed" : "stale";
}

/** "My directory entry's status" for a person's home: confirmed on, not verified since, and the link to edit it. */
export function DirectoryStatus() {
  const who = claims.value;
  const [member, setMember] = useState<Member | null | undefined>(undefined);
  useEffect(() => {
    const s = services.value;
    if (!who || !s) return;
    getDoc(doc(s.db, "members", who.memberId))
      .then((snap) => {
        const parsed = MemberSchema.safeParse(snap.data());
        setMember(parsed.success ? parsed.data : null);
      })
      .catch(() => setMember(null));
  }, [who?.memberId]);
  if (member === undefined) return null;
  const status = member ? entryStatus(member) : undefined;
  return (
    <section aria-labelledby="dash-directory" id="dash-directory-status">
      <h2 id="dash-directory">{t("ui.dir.status.title")}</h2>
      {!member || !status ? (
        <p>{t("ui.dir.noEntry")}</p>
      ) : (
        <>
          <p>
            {status === "never"
              ? t("ui.dir.status.never")
              : t(status === "stale" ? "ui.dir.status.stale" : "ui.dir.status.confirmed", {
                  date: formatDay(member.confirmedAt ?? ""),
                })}
          </p>
          <p>
            <a href="#/directory/me">{t("ui.dir.status.open")}</a>
          </p>
        </>
      )}
    </section>
  );
}
