// Edit mode in the explorer: when the server's /api/health says `edit: true`, the "Review" and "Annotate" tabs are
// added to the results area and the source reader offers "New claim". A read-only server shows none of them.
import { api } from "../../api/index.js";
import type { AppContext } from "../../app/context.js";
import { mountReviewQueue } from "../review/index.js";
import { mountClaimForm } from "./claim-form.js";
import type { EditSession } from "./edit-session.js";

export async function startEditing(ctx: AppContext, session: EditSession): Promise<void> {
  const health = await api.health().catch(() => null);
  if (health?.edit !== true) return;
  const review = ctx.results.addTab("review", "Review");
  const annotate = ctx.results.addTab("annotate", "Annotate");
  mountClaimForm(annotate, ctx, session, () => ctx.results.show("annotate"));
  session.enable();
  mountReviewQueue(review, ctx, session);
}
