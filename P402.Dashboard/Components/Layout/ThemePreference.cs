namespace P402.Dashboard.Components.Layout;

/// <summary>The light/dark choice, kept in a cookie so that the first server render already has it.</summary>
internal static class ThemePreference
{
    public const string CookieName = "p402-theme";

    public static bool IsDark(IRequestCookieCollection cookies) =>
        string.Equals(cookies[CookieName], "dark", StringComparison.Ordinal);
}
