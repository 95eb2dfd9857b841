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
