// Brings the timeline's step number `index` (0-based) to the top of the timeline's own scroll area, or into the
// window's view where the timeline does not scroll by itself (narrow screens).
export function reveal(list, index) {
    const step = list?.querySelectorAll("[data-step]")[index];
    if (!step) {
        return;
    }
    if (list.scrollHeight > list.clientHeight) {
        const top = list.scrollTop + step.getBoundingClientRect().top - list.getBoundingClientRect().top;
        list.scrollTo({ top });
    } else {
        step.scrollIntoView({ block: "nearest" });
    }
}
