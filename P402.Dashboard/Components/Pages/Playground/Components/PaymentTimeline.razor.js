// Scrolls the timeline's step number `index` (0-based) into view, below the app bar.
export function reveal(list, index) {
    const step = list?.querySelectorAll("[data-step]")[index];
    step?.scrollIntoView({ behavior: "smooth", block: "start" });
}
