using Microsoft.Extensions.Options;

namespace P402.Merchant;

/// <summary>Checks <see cref="P402ClientOptions"/> at start; failure messages never repeat the key.</summary>
internal sealed class P402ClientOptionsValidator : IValidateOptions<P402ClientOptions>
{
    public ValidateOptionsResult Validate(string? name, P402ClientOptions options)
    {
        var failures = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("P402:BaseUrl must be an absolute http(s) URL, e.g. https://p402.example.com/.");
        }
        var key = options.ApiKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            failures.Add("P402:ApiKey is required (a p402_live_… or p402_test_… key from the dashboard).");
        }
        else if (!(key.StartsWith("p402_live_", StringComparison.Ordinal) || key.StartsWith("p402_test_", StringComparison.Ordinal))
            || key.Length <= "p402_live_".Length || key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            failures.Add("P402:ApiKey is not a P402 API key (expected p402_live_… or p402_test_…, no spaces).");
        }
        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add("P402:Timeout must be positive.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
