// "Copy link": the address of exactly what is on screen (selection, filters, path, camera) on the clipboard, without
// waiting for the URL to catch up with the last change.
import { h } from "../dom/index.js";
import { encodePermalink } from "../permalink/index.js";
import type { AppContext } from "./context.js";

export function mountCopyLink(root: HTMLElement, ctx: AppContext): void {
  const button = h("button", {
    class: "header-button",
    text: "Copy link",
    attrs: { type: "button", title: "Copy a link to this view" },
  });
  button.addEventListener("click", async () => {
    const link = `${window.location.origin}${window.location.pathname}#${encodePermalink(ctx.store.get())}`;
    try {
      await navigator.clipboard.writeText(link);
      ctx.announce("Link to this view copied.");
    } catch {
      // No clipboard (an insecure origin, or permission refused): the link is still the page's own address.
      ctx.announce("The clipboard is not available here: copy the address bar instead.");
    }
  });
  root.append(button);
}
