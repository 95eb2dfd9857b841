// Small browser helpers the Blazor components call through JS interop.
window.p402 = {
  // Set once the interactive circuit has rendered; tests and styles can wait for it.
  markInteractive() {
    document.documentElement.setAttribute("data-p402-interactive", "");
  },
  setTheme(dark) {
    const value = dark ? "dark" : "light";
    document.cookie = `p402-theme=${value}; path=/; max-age=31536000; samesite=lax`;
    document.documentElement.classList.toggle("p402-dark", dark);
  },
  // Static (SSR) pages: a button with data-p402-copy-codes="id" copies the codes inside that element, one a line.
  async copyCodes(button) {
    const list = document.getElementById(button.getAttribute("data-p402-copy-codes"));
    const codes = [...list.querySelectorAll("code")].map((c) => c.textContent.trim()).join("\n");
    const ok = await window.p402.copyText(codes);
    const status = button.parentElement.querySelector("[data-p402-copy-status]");
    if (status) {
      status.textContent = ok ? "Copied to the clipboard." : "Copy failed: select the codes and copy them by hand.";
    }
  },
  async copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Fallback for browsers that refuse the async clipboard API.
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      return ok;
    }
  },
};

document.addEventListener("click", (event) => {
  const button = event.target.closest?.("[data-p402-copy-codes]");
  if (button) {
    window.p402.copyCodes(button);
  }
});
