export { mountReviewQueue } from "./review-queue.js";
