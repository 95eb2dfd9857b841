using Microsoft.Extensions.Options;

namespace P402.Core;

/// <summary>
/// What the operator reads when the configuration cannot run: each broken setting, by name, on one
/// line each, without a stack trace and without any secret's value.
/// </summary>
public static class StartupRefusal
{
    public static string Describe(OptionsValidationException invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        return "P402 cannot start; fix the configuration:" + Environment.NewLine
            + string.Join(Environment.NewLine, invalid.Failures.Select(failure => "  - " + failure));
    }
}
