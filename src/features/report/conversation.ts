import { randomUUID } from "node:crypto";
import type { Context } from "grammy";
import type { BotDeps } from "../../bot/context.js";
import type { Language } from "../../bot/i18n.js";
import type { ReportStore } from "../../storage/reports.js";
import { type ReportConversation, ReportDialog } from "./dialog.js";
import { consentKeyboard, editKeyboard, summaryKeyboard } from "./keyboards.js";
import { announceReport } from "./moderation.js";
import type { Districts } from "./places.js";
import { type Draft, renderDraft, reportSteps, type Step } from "./steps.js";
import { reportSchema, settlementKey as settlementKeyOf } from "./validation.js";

type Asked = "answered" | "back" | "cancel";

/** One report being written: the chat, the steps, the draft so far. */
interface Filling {
  dialog: ReportDialog;
  steps: readonly Step[];
  draft: Draft;
}

/** The steps this draft asks (a region without districts in the dictionary has no district step). */
const askedSteps = ({ steps, draft }: Filling) => steps.filter((step) => !step.skip?.(draft));

/** Asks a step under "Step n of N"; a new region takes the old district away. */
async function askStep(report: Filling, step: Step, withBack: boolean): Promise<Asked> {
  const { dialog, draft } = report;
  const region = draft.region;
  const result = await dialog.ask(step, draft, withBack, (question) => {
    const steps = askedSteps(report);
    return `${dialog.t("report-step", { n: steps.indexOf(step) + 1, total: steps.length })}\n${question.text}`;
  });
  if (result === "answered" && step.id === "region" && draft.region !== region) delete draft.district;
  return result;
}

/** Every step in order; Back goes to the previous step this draft asks. */
async function askAll(report: Filling): Promise<"done" | "cancel"> {
  const { steps, draft } = report;
  for (let i = 0; i < steps.length; ) {
    const step = steps[i];
    if (!step) break;
    if (step.skip?.(draft)) {
      i += 1;
      continue;
    }
    const result = await askStep(report, step, i > 0);
    if (result === "cancel") return "cancel";
    if (result === "answered") i += 1;
    else
      do i -= 1;
      while (i > 0 && steps[i]?.skip?.(draft));
  }
  return "done";
}

/** Edit from the summary: the step picked, then a district if the new region has some. */
async function editOne(report: Filling): Promise<"done" | "cancel"> {
  const { dialog, steps, draft } = report;
  const picked = await dialog.menu(
    () => dialog.t("report-edit-which"),
    () => editKeyboard(dialog.t, askedSteps(report)),
    "edit",
  );
  if (picked === "cancel") return "cancel";
  const step = steps.find((s) => s.id === picked);
  if (step && (await askStep(report, step, true)) === "cancel") return "cancel";
  const district = steps.find((s) => s.id === "district");
  if (district && draft.district === undefined && !district.skip?.(draft))
    if ((await askStep(report, district, true)) === "cancel") return "cancel";
  return "done";
}

/** What a report needs from outside the chat. */
interface Services {
  deps: BotDeps;
  store: ReportStore;
  districts: Districts;
}

/**
 * The report conversation: the steps, the summary (send, edit, cancel), consent once per user,
 * then the report saved and moderators told. Conversations v2 replays this function from the top
 * on every update, so everything not derived from the updates themselves (language, ids, Redis,
 * the clock) goes through `conversation.external`, whose results are recorded in its state.
 */
export function reportConversation(deps: BotDeps, store: ReportStore, districts: Districts) {
  const steps = reportSteps(districts);
  return async function report(conversation: ReportConversation, ctx: Context): Promise<void> {
    const userId = ctx.from?.id;
    const chatId = ctx.chat?.id;
    if (userId === undefined || chatId === undefined) return;
    const dialog = await ReportDialog.open(conversation, ctx, deps, chatId);
    // The draft id makes saving idempotent: Send pressed twice, or replayed, saves one report.
    const draftId = await conversation.external(() => randomUUID());
    const filling: Filling = { dialog, steps, draft: {} };
    await dialog.say(dialog.t("report-intro"));
    const done =
      (await askAll(filling)) === "done" &&
      (await review(conversation, { deps, store, districts }, filling, { userId, draftId }));
    if (!done) await dialog.sayLast(dialog.t("report-cancelled"));
  };
}

/** The summary until the report is sent (true) or cancelled (false). */
async function review(
  conversation: ReportConversation,
  { deps, store, districts }: Services,
  filling: Filling,
  { userId, draftId }: { userId: number; draftId: string },
): Promise<boolean> {
  const { dialog } = filling;
  const { t } = dialog;
  for (;;) {
    const summary = () =>
      `${t("report-summary-title")}\n\n${renderDraft(t, dialog.lang, filling.draft, districts)}`;
    const choice = await dialog.menu(summary, () => summaryKeyboard(t), "summary");
    if (choice === "cancel") return false;
    if (choice === "edit" && (await editOne(filling)) === "cancel") return false;
    if (choice !== "send") continue;

    const consented = await conversation.external(() => store.hasConsent(userId));
    if (!consented) {
      const answer = await dialog.menu(
        () => t("report-consent-ask"),
        () => consentKeyboard(t),
        "consent",
      );
      if (answer === "cancel") return false;
      if (answer !== "yes") continue;
      await conversation.external(() => store.giveConsent(userId, deps.now()));
    }

    const saved = await conversation.external(() =>
      saveDraft({ deps, store, districts }, { userId, lang: dialog.lang, draftId, draft: filling.draft }),
    );
    if (!saved.ok) {
      await dialog.say(t(saved.reason === "invalid" ? "report-invalid" : "report-save-failed"));
      continue;
    }
    // Stored first, thanked second: a thank-you never stands for a report that is not in Redis.
    await dialog.sayLast(t("report-sent", { reference: saved.reference }));
    await conversation.external((outer) => announceReport(deps, store, outer.api, saved.reference));
    return true;
  }
}

type Saved = { ok: true; reference: string } | { ok: false; reason: "invalid" | "storage" };

/** Validates the finished draft and stores it; a failure keeps the draft in the conversation. */
async function saveDraft(
  { deps, store, districts }: Services,
  { userId, lang, draftId, draft }: { userId: number; lang: Language; draftId: string; draft: Draft },
): Promise<Saved> {
  // The draft has exactly the report's fields; the schema is the last word on each of them.
  const input = reportSchema.safeParse({ userId, lang, ...draft });
  if (!input.success) {
    deps.logger.error({ issues: input.error.issues, draftId }, "report: a finished draft failed validation");
    return { ok: false, reason: "invalid" };
  }
  const { location, ...fields } = input.data;
  const place = draft.district ? districts.find(draft.region, draft.district) : undefined;
  const district = place?.type === "town" ? deps.i18n.t("ru", "report-town", { name: place.ru }) : place?.ru;
  try {
    const { report } = await store.save(
      draftId,
      {
        ...fields,
        districtId: place?.id ?? null,
        district: district ?? null,
        photo: fields.photo ?? null,
        settlementKey: settlementKeyOf(fields.region, fields.settlement),
        latitude: location?.latitude ?? null,
        longitude: location?.longitude ?? null,
      },
      deps.now(),
    );
    return { ok: true, reference: report.reference };
  } catch (error) {
    deps.logger.error({ err: error, draftId }, "report: saving failed; the draft stays in the conversation");
    return { ok: false, reason: "storage" };
  }
}
